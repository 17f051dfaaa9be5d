import type { LanguageLexicon } from './types.js';

/**
 * French: consumer shop mails (tutoiement and vouvoiement, often without accents) and formal
 * B2B tickets ("Madame, Monsieur, nous rencontrons un dysfonctionnement…"), with the English
 * words French users mix in (bug, login, update, tracking). Words are stemmed, so one form
 * finds its family ("remboursement" finds "rembourser", "remboursé"); the stemmer does not
 * reduce every verb form ("fonctionnent", "marchent"), those are listed beside the base form.
 * "devis" and "devez" share a stem: "devis" is only counted in phrases.
 */
export const LEXICON_FR: LanguageLexicon = {
  intents: {
    refund: {
      3: [
        'remboursement', 'rendre ~ argent', 'récupérer ~ argent', 'argent ~ rendu|remboursé',
        'retourner ~ article|articles|produit|produits|colis|commande|achat|marchandise|appareil|montre|téléphone|vêtement|vêtements',
        'retour ~ article|articles|produit|produits|colis|commande|achat|marchandise',
        'renvoyer ~ article|articles|produit|produits|colis|appareil|marchandise', 'demande de retour', 'procédure de retour', 'bon de retour', 'étiquette de retour',
        'bordereau de retour', 'frais de retour', 'numéro de retour', 'retour gratuit', 'droit de rétractation', 'rétractation', 'refund',
        'échanger ~ article|produit|taille|couleur|modèle|commande', 'échange ~ article|produit|taille|couleur|modèle', 'échange standard',
        'produit de remplacement', 'remplacer ~ article|produit|appareil', 'remplacement ~ article|produit|appareil|pièce',
        'émettre ~ avoir', 'un avoir', 'note de crédit', 'rembourser|recréditer ~ compte', 'geste commercial', 'dédommagement', 'indemnisation',
        'pas ~ remboursé', 'attends|attente ~ remboursement', 'où en est ~ remboursement|retour|avoir', 'date|délai ~ remboursement',
      ],
      2: [
        'retourner', 'renvoyer ~ produit', 'remplacement', 'échange', 'arrivé|arrivée|reçu|reçue|livré|livrée ~ cassé|cassée|endommagé|endommagée|abîmé|abîmée|défectueux|défectueuse|incomplet|incomplète',
        'colis endommagé', 'produit défectueux', 'article défectueux', 'mauvais ~ article|produit|taille|couleur|modèle', 'pas ~ bonne taille', 'pas conforme',
        'non conforme', 'sous garantie', 'garantie', 'SAV', 'service après-vente', 'compensation',
        'mon argent', 'renvoyé',
      ],
      1: ['retour', 'défectueux', 'cassé', 'endommagé', 'abîmé', 'rayé', 'taille', 'argent'],
    },
    shipping: {
      3: [
        'livraison', 'livreur', 'transporteur', 'expédition', 'expédié|expédiée', 'tracking', 'numéro de suivi', 'lien de suivi',
        'suivi ~ colis|commande|livraison|envoi', 'suivre ~ colis|commande|livraison', 'pas ~ reçu|reçue|arrivé|arrivée|livré|livrée ~ commande|colis|paquet|article|articles|produit|livraison|achat|marchandise',
        'commande|colis|paquet ~ pas|jamais ~ arrivé|arrivée|reçu|reçue|livré|livrée', 'toujours rien reçu', 'jamais reçu', 'jamais arrivé',
        'où en est ~ commande|colis|livraison|envoi', 'où est ~ commande|colis|paquet', 'statut ~ commande|livraison|colis', 'état de ~ commande|livraison',
        'retard de livraison', 'délai de livraison', 'date de livraison', 'adresse de livraison',
        'frais de port', 'frais de livraison', 'changer|modifier|corriger ~ adresse', 'annuler ~ commande', 'modifier ~ commande',
        'avis de passage', 'bloqué en douane', 'dédouanement', 'douane', 'bon de livraison',
        'DHL', 'UPS', 'FedEx', 'GLS', 'DPD', 'TNT', 'Amazon Logistics',
        'shipping', 'delivery',
      ],
      2: [
        'livré', 'commande <num>', 'paquet', 'acheminement', 'en transit', 'en cours de livraison', 'réception ~ commande|marchandise|colis',
        'pas ~ reçu|reçue|arrivé|arrivée', 'toujours pas reçu', 'en retard', 'perdu', 'égaré', 'palette', 'nouvelle adresse', 'mauvaise adresse', 'changement d\'adresse',
        'commande en attente', 'expédition partielle', 'remise en main propre', 'date ~ arrivée', 'quand ~ recevoir|arriver|livrer',
        'colis', 'Colissimo', 'Chronopost', 'Mondial Relay', 'La Poste', 'point relais', 'relais colis', 'commande n°|no|numéro|nr <num>',
      ],
      1: ['adresse', 'commande', 'numéro de commande', 'attendre', 'attente', 'retard', 'reçu', 'arrivé', 'semaines', 'envoi'],
    },
    billing: {
      3: [
        'facture', 'invoice', 'billing', 'surfacturation', 'facturé ~ deux fois|double|deux reprises',
        'double ~ prélèvement|paiement|débit|facturation', 'prélevé ~ deux fois|deux reprises', 'débité ~ deux fois|deux reprises', 'payé ~ deux fois',
        'prélèvement', 'prélèvement automatique', 'mandat SEPA', 'paiement ~ refusé|échoué|rejeté|bloqué', 'échec ~ paiement',
        'carte ~ refusée|rejetée|débitée', 'moyen de paiement', 'mode de paiement', 'TVA', 'numéro de TVA',
        'montant ~ incorrect|erroné|facturé|prélevé|débité', 'trop-perçu', 'trop perçu', 'avis d\'échéance', 'relance de paiement', 'impayé',
        'frais ~ résiliation|dossier|bancaires', 'débit inconnu', 'prélèvement inconnu', 'changer ~ RIB|IBAN|carte', 'reçu de paiement',
        'un|le|mon|du|votre reçu', 'justificatif de paiement', 'note de frais', 'receipt',
        'débit|débits|prélèvement|prélèvements|paiement|paiements|transaction|transactions ~ inconnu|inconnus|non_autorisé|non_autorisés|frauduleux|pas_reconnu|pas_reconnus',
        'prorata', 'au prorata',
      ],
      2: [
        'paiement', 'régler', 'débité', 'débit', 'carte bancaire', 'carte de crédit', 'CB', 'PayPal', 'frais',
        'montant', 'abonnement mensuel|annuel', 'résilier ~ abonnement', 'renouvellement', 'renouvellement automatique', 'échéance',
        'échéancier', 'HT', 'TTC', 'recouvrement', 'payment', 'tarif appliqué', 'augmentation ~ prix|tarif', 'bon de commande',
        'ne reconnais pas',
      ],
      1: ['abonnement', 'euros', '€', 'carte', 'mensualité', 'résilier', 'coordonnées bancaires', 'virement', 'RIB', 'IBAN', 'relevé'],
    },
    technical: {
      3: [
        'bug', 'beug', 'bogue', 'plantage', 'crash', 'message d\'erreur', 'code d\'erreur', 'erreur <num>', 'dysfonctionnement',
        'fonctionne|fonctionnent|marche|marchent ~ pas|plus|mal', 'en panne', 'panne', 'hors service',
        'allume|allumer ~ pas|plus', 'démarre|démarrer ~ pas|plus', 'charge|charger ~ pas|plus', 'lance|lancer ~ pas|plus', 'ouvre|ouvrir ~ pas|plus',
        'affiche|afficher ~ pas|plus', 'synchronise|synchroniser ~ pas|plus', 'impossible ~ installer|ouvrir|lancer|synchroniser|télécharger|importer|exporter|charger|démarrer|allumer|imprimer|envoyer|enregistrer|afficher',
        'écran noir|bleu|blanc|figé', 'application|logiciel|appli|app|site|système|ordinateur|programme ~ plante|planté', 'se fige', 'figé', 'freeze', 'synchronisation', 'webhook', 'timeout', 'time out', 'délai d\'attente dépassé',
        'erreur serveur', 'erreur interne', 'connexion ~ internet|réseau|wifi|bluetooth|serveur|base_de_données|API|VPN', 'problème technique', 'incident technique',
        'support technique', 'assistance technique', 'réinstaller', 'réinitialisation d\'usine', 'firmware', 'micrologiciel', 'ne répond plus', 'ligne de commande',
        'ne s\'allume', 'ne se charge', 'ne démarre', 'remise à zéro', 'perte de données',
      ],
      2: [
        'erreur', 'API', 'intégration', 'serveur', 'mise à jour', 'update', 'installation', 'configuration',
        'paramétrage', 'lent', 'lenteur', 'latence', 'bloqué ~ écran|chargement', 'redémarrer', 'redémarrage', 'réinitialiser ~ appareil',
        'wifi', 'wi-fi', 'bluetooth', 'imprimante', 'capteur', 'écran', 'câble', 'chargeur', 'version', 'navigateur', 'compatible', 'compatibilité',
        'base de données', 'import', 'export', 'tableau de bord', 'dashboard', 'plugin', 'module', 'SDK', 'SSL', 'DNS', 'données ~ disparu|disparues|manquantes|perdues',
        'technique', 'incident', 'indisponible', 'inaccessible', 'plante', 'batterie', 'HS', 'instable', 'déconnecte', 'déconnexion', 'télécharger', 'réseau',
        'pare-feu', 'firewall', 'VPN', 'routeur', 'antivirus', 'sauvegarde', 'migration', 'déploiement',
      ],
      1: ['chargement', 'application', 'appli', 'app', 'site', 'plateforme', 'fonctionnalité', 'paramètres', 'réglages', 'téléphone', 'ordinateur', 'appareil', 'système', 'outil', 'données', 'fichier', 'bloqué', 'logiciel', 'maintenance', 'performances', 'stockage'],
    },
    account: {
      3: [
        'mot de passe', 'password', 'identifiant', 'login', 'log in', 'me connecter', 'me reconnecter',
        'connexion ~ compte|espace', 'accès ~ compte|espace', 'accéder ~ compte|espace', 'compte ~ bloqué|bloquée|suspendu|verrouillé|désactivé|piraté|fermé|supprimé|inaccessible',
        'créer ~ compte', 'création ~ compte', 'supprimer ~ compte', 'suppression ~ compte', 'fermer|clôturer|désactiver ~ compte', 'fermeture ~ compte',
        'fusionner ~ comptes', 'double authentification', 'authentification à deux facteurs', 'authentification forte', '2FA', 'A2F', 'MFA', 'SSO',
        'code de vérification', 'code de confirmation', 'code de sécurité', 'lien de réinitialisation', 'réinitialiser ~ mot', 'mot de passe oublié',
        'changer|modifier ~ adresse ~ e-mail|email|mail', 'adresse e-mail ~ compte', 'nom d\'utilisateur', 'espace personnel', 'account',
      ],
      2: [
        'compte', 'se connecter', 'connexion', 'profil', 'inscription', 'inscrire', 'authentification', 'utilisateur',
        'ajouter ~ utilisateur|utilisateurs', 'supprimer ~ utilisateur|utilisateurs', 'droits d\'accès', 'permissions', 'rôle', 'accès refusé', 'verrouillé',
        'piraté', 'compte client', 'session',
        'espace client', 'mon compte',
      ],
      1: ['accès', 'accéder', 'code', 'e-mail', 'adresse e-mail', 'connecter'],
    },
    sales: {
      3: [
        'un devis', 'demande de devis', 'le devis', 'votre devis', 'ce devis', 'grille tarifaire', 'combien coûte', 'combien coûtent', 'combien ça coûte',
        'quel est le prix', 'quels sont les prix', 'quels sont vos tarifs', 'démonstration', 'démo', 'essai gratuit', 'version d\'essai', 'période d\'essai',
        'souhaite|voudrais|aimerais|souhaiterais|souhaitons|voudrions|aimerions|souhaiterions|désire|désirons commander|acheter|acquérir',
        'voudrais|souhaite|aimerais|souhaitons|souhaiterais|souhaiterions passer ~ commande', 'proposition commerciale', 'offre commerciale', 'offre tarifaire',
        'équipe commerciale', 'service commercial', 'interlocuteur commercial', 'partenariat', 'revendeur', 'distributeur', 'grossiste',
        'appel d\'en stock', 'rupture de stock', 'catalogue', 'tarif dégressif', 'remise ~ quantité|volume', 'prix de gros',
        'nombre de licences', 'licences supplémentaires', 'offre entreprise', 'formule entreprise', 'avant ~ acheter|achat|commander', 'pricing',
        'intéressé par', 'plan tarifaire', 'passer ~ formule|offre|version|plan ~ supérieure|supérieur|premium|pro|entreprise',
        'proposition tarifaire', 'proposition de prix',
        'devis pour', 'des devis', 'du devis', 'devis n°|no|numéro',
      ],
      2: [
        'prix', 'tarif', 'coût', 'acheter', 'achat', 'remise', 'réduction', 'code promo', 'promotion', 'offre', 'licence', 'forfait',
        'formule', 'commercial', 'disponibilité', 'stock', 'quantité', 'en gros', 'upgrade', 'passer à', 'sur mesure', 'budget',
        'proposition', 'brochure', 'plaquette', 'fiche technique', 'produit ~ disponible', 'conditions tarifaires',
        'disponible en',
      ],
      1: ['plan', 'disponible', 'unités', 'produits', 'gamme'],
    },
    complaint: {
      3: [
        'mécontent', 'insatisfait', 'insatisfaite', 'personne ne ~ répond|répondu|rappelle|rappelé', 'aucune réponse', 'toujours pas de réponse',
        'jamais de réponse', 'sans réponse', 'service client ~ déplorable|lamentable|nul|catastrophique|inexistant|injoignable|incompétent',
        'impoli', 'malpoli', 'désagréable', 'irrespectueux', 'méprisant', 'raccroché', 'injoignable', 'mauvais service', 'service déplorable',
        'très déçu', 'extrêmement déçu', 'porter réclamation', 'déposer ~ réclamation', 'formuler ~ réclamation', 'qualité de service', 'manque de professionnalisme',
        'attente au téléphone', 'minutes d\'attente', 'vous moquez ~ monde', 'se moquer du monde',
        'impossible de vous joindre', 'impossible de joindre', 'impossible de contacter',
      ],
      2: [
        'réclamation', 'plainte', 'inadmissible', 'scandaleux', 'honteux', 'lamentable', 'déplorable', 'déçu', 'déception',
        'catastrophique', 'incompétent', 'ras le bol', 'marre', 'plusieurs relances', 'attente interminable', 'pas sérieux', 'aucun suivi',
        'heures d\'attente',
      ],
      1: ['relance', 'toujours en attente', 'responsable', 'plusieurs fois', 'encore une fois', 'inacceptable'],
    },
    feedback: {
      3: [
        'suggestion', 'je suggère', 'proposition d\'amélioration', 'piste d\'amélioration', 'idée d\'amélioration', 'feedback', 'retour d\'expérience',
        'félicitations', 'bravo', 'excellent service', 'super service', 'service impeccable', 'service irréprochable', 'très satisfait', 'très satisfaite',
        'pleinement satisfait', 'entièrement satisfait', 'laisser un avis', 'donner mon avis', 'mon avis sur', 'mes compliments', 'demande de fonctionnalité',
        'nouvelle fonctionnalité', 'ce serait ~ bien|génial|pratique|utile|top', 'serait ~ utile|pratique|génial|intéressant ~ de|d\'|que', 'pourriez-vous ajouter',
        'serait-il possible ~ ajouter', 'il serait bien', 'ajouter ~ option|fonctionnalité|possibilité', 'merci à ~ équipe|toute', 'merci pour ~ excellent|super|réactivité|professionnalisme|rapidité',
      ],
      2: [
        'idée', 'suggérer', 'proposer', 'amélioration', 'avis', 'satisfait', 'satisfaite', 'ravi', 'excellent',
        'formidable', 'génial', 'parfait', 'impeccable', 'au top', 'je recommande', 'recommanderai', 'réactivité', 'professionnalisme', 'enquête de satisfaction',
        'remarque', 'souhait', 'j\'adore', 'adore',
      ],
      1: ['super', 'top', 'merci beaucoup', 'content', 'agréable', 'efficace', 'rapide'],
    },
  },
  context: [
    // Politeness formulas: they close every mail, angry or not.
    'merci d\'avance', 'merci par avance', 'd\'avance merci', 'par avance merci', 'merci beaucoup d\'avance', 'en vous remerciant', 'en vous remerciant par avance',
    'en vous remerciant d\'avance', 'je vous remercie', 'je vous en remercie', 'nous vous remercions', 'merci de votre aide', 'merci pour votre aide',
    'merci de votre compréhension', 'merci pour votre compréhension', 'merci de votre attention', 'merci pour votre attention', 'merci de votre patience',
    'merci de votre réponse', 'merci pour votre réponse', 'merci pour votre retour', 'merci de votre retour', 'merci de votre collaboration',
    'merci pour votre collaboration', 'merci de votre diligence', 'merci de bien vouloir', 'merci de me tenir informé', 'merci de me recontacter',
    'dans l\'attente de votre retour', 'dans l\'attente de votre réponse', 'dans l\'attente d\'un retour', 'dans l\'attente d\'une réponse', 'un retour rapide',
    'une réponse rapide', 'votre retour', 'un retour de votre part', 'retour de votre part', 'je reviens vers vous', 'revenir vers moi', 'revenir vers nous',
    'je reste à votre disposition', 'restant à votre disposition', 'à votre disposition', 'reste disponible', 'cordialement', 'bien cordialement',
    'salutations distinguées', 'veuillez agréer', 'je vous prie d\'agréer', 'bonne journée', 'belle journée', 'excellente journée', 'bonne soirée',
    'excellente soirée', 'excellent week-end', 'bon week-end', 'n\'hésitez pas', 'votre aide est précieuse', 'j\'apprécie votre aide', 'merci infiniment pour votre aide',
    'par retour de mail', 'par retour de courrier', 'en retour', 'suite à nos échanges', 'nos échanges', 'notre échange', 'suite à notre échange',
    'notre conversation', 'notre entretien', 'je vous adresse', 'vous adresser', 'nous adresser', 'm\'adresser', 'adresser ~ à', 'pour faire suite', 'faisant suite',
    // "compte" that is no login account.
    'je compte sur vous', 'compte sur vous', 'compte sur votre', 'compter sur', 'tenir compte', 'tenu compte', 'prendre en compte', 'pris en compte',
    'rendre compte', 'rend compte', 'rendu compte', 'compte rendu', 'compte-rendu', 'en fin de compte', 'compte tenu', 'pour le compte de',
    'numéro de compte', 'numéro de compte client', 'numéro client', 'compte bancaire', 'compte courant', 'relevé de compte', 'titulaire du compte',
    'sur mon compte bancaire', 'crédité sur ~ compte', 'versé sur ~ compte', 'viré sur ~ compte',
    // Other words that mean something else here.
    'à mon avis', 'selon moi', 'aucune idée', 'une idée du délai', 'une idée de quand', 'prendre en charge', 'pris en charge',
    'en charge de', 'chargé de', 'chargé de compte', 'afin de', 'commande vocale', 'newsletter', 'newsletters',
    'se désinscrire', 'désinscription', 'ne plus recevoir', 'candidature', 'offre d\'emploi', 'mauvais destinataire', 'Envoyé de mon iPhone',
    'Envoyé depuis mon', 'Envoyé de mon',
    'un grand merci d\'avance', 'un grand merci par avance', 'un grand merci pour votre aide',
    'bulletin de paie', 'fiche de paie',
  ],
  tone: {
    urgency: [
      'urgent', 'urgence', 'urgemment', 'en urgence', 'de toute urgence', 'au plus vite', 'au plus tôt', 'dès que possible', 'le plus rapidement possible',
      'le plus vite possible', 'dans les plus brefs délais', 'immédiatement', 'sans délai', 'sans tarder', 'très pressé', 'c\'est pressé', 'prioritaire',
      'priorité haute', 'haute priorité', 'avant ce soir', 'avant demain', 'd\'ici demain', 'd\'ici ce soir', 'aujourd\'hui même', 'd\'ici la fin de la journée',
      'demain matin', 'ASAP', 'c\'est bloquant', 'je suis bloqué', 'nous sommes bloqués', 'impossible de travailler',
      'ne peux plus travailler', 'ne pouvons plus travailler', 'date limite', 'deadline', 'délai ~ expire|dépassé', 'critique',
      'pour demain', 'dès demain', 'dès aujourd\'hui', 'part|pars|voyage|déménage|déménagement|événement|salon|réunion|rendez-vous ~ demain',
    ],
    critical: [
      'panne générale', 'panne totale', 'panne complète', 'panne majeure', 'service indisponible', 'plateforme indisponible', 'site indisponible', 'application indisponible',
      'site inaccessible', 'plateforme inaccessible', 'service|plateforme|serveur|serveurs|système|site|application|API ~ hors service|down|tombé|tombée|inaccessible|indisponible',
      'production ~ arrêtée|bloquée|arrêt|down|impactée|paralysée', 'arrêt de production', 'environnement de production', 'paralysé',
      'tous nos utilisateurs', 'tous les utilisateurs', 'l\'ensemble des utilisateurs', 'l\'ensemble de nos utilisateurs', 'aucun utilisateur', 'toute l\'équipe ~ bloquée',
      'personne ne peut ~ connecter|travailler|accéder', 'interruption de service', 'interruption du service', 'coupure ~ service|réseau', 'outage',
      'piraté', 'piratage', 'compte piraté', 'hacké', 'hacker|hackers', 'fuite de données', 'violation de données', 'faille de sécurité', 'incident de sécurité',
      'accès non autorisé', 'accès frauduleux', 'connexion suspecte', 'connexions suspectes', 'activité suspecte', 'fraude', 'frauduleux',
      'usurpation d\'identité', 'hameçonnage', 'phishing', 'ransomware', 'rançongiciel', 'perte de données',
      'données ~ perdues|effacées|disparues|exposées|divulguées|compromises', 'incident de confidentialité', 'violation de données personnelles', 'erreur 502|503|504', 'Service Unavailable', 'Bad Gateway', 'plus personne ne ~ peut|travaille|traite|arrive', 'tous nos agents',
    ],
    calm: [
      'pas urgent', 'rien d\'urgent', 'pas d\'urgence', 'aucune urgence', 'sans urgence', 'pas pressé', 'rien ne presse', 'ne presse pas',
      'pas prioritaire', 'quand vous aurez le temps', 'quand vous aurez un moment', 'quand vous pourrez', 'à votre convenance', 'sans précipitation',
      'prenez votre temps', 'à l\'occasion', 'pas de rush', 'pas critique', 'pas bloquant', 'non bloquant', 'non urgent',
    ],
    minor: [
      'suggestion', 'je suggère', 'une idée', 'idée d\'amélioration', 'proposition d\'amélioration', 'ce serait bien', 'il serait bien',
      'serait-il possible d\'ajouter', 'pourriez-vous ajouter', 'nouvelle fonctionnalité', 'par curiosité', 'simple question', 'petite question', 'question générale',
      'je me demandais', 'nous nous demandions', 'à titre informatif', 'à titre d\'information', 'pour information', 'simple curiosité', 'feedback', 'félicitations', 'bravo',
      'horaires d\'ouverture', 'vos horaires', 'boutique physique', 'magasin physique',
      'formidable', 'un grand merci', 'je recommande', 'très satisfait', 'excellent service', 'merci à elle', 'merci à lui',
    ],
    legalThreat: [
      'avocat', 'mon avocat', 'action en justice', 'poursuites judiciaires', 'poursuivre en justice', 'en justice', 'tribunal', 'mise en demeure',
      'huissier', 'porter plainte', 'déposer plainte', 'dépôt de plainte', 'DGCCRF', 'UFC-Que Choisir', 'Que Choisir', 'association de consommateurs',
      'médiateur', 'médiation de la consommation', 'recours juridique', 'voie judiciaire', 'procédure judiciaire', 'contentieux', 'service juridique',
      'faire opposition', 'opposition bancaire', 'chargeback', 'rétrofacturation', 'SignalConso', 'Signal Conso', 'CNIL', 'juridiquement',
    ],
    publicThreat: [
      'réseaux sociaux', 'avis négatif', 'mauvais avis', 'mauvaise note', 'une étoile', '1 étoile', 'Trustpilot', 'avis Google', 'Google avis',
      'sur Twitter', 'sur Facebook', 'sur Instagram', 'sur TikTok', 'sur LinkedIn', 'la presse', 'les médias', 'rendre public',
      'faire savoir', 'faire connaître', 'je vais en parler', 'bouche à oreille', 'forums', 'tout le monde saura',
      'contacter|alerter|prévenir|appeler|écrire ~ journaliste|journalistes|presse|médias',
    ],
    anger: {
      3: [
        'inadmissible', 'scandaleux', 'c\'est une honte', 'honteux', 'ras le bol', 'ras-le-bol', 'j\'en ai marre',
        'furieux', 'exaspéré', 'troisième fois', '3e fois', '3ème fois', 'quatrième fois', 'énième fois', 'plus jamais', 'je ne commanderai plus',
        'troisième|3e|3ème|quatrième|cinquième ~ message|mail|e-mail|relance|demande|appel',
      ],
      2: [
        'lamentable', 'déplorable', 'n\'importe quoi', 'ridicule', 'aucune réponse', 'personne ne répond', 'toujours pas de réponse', 'sans réponse', 'mécontent',
        'très déçu', 'insatisfait', 'pas normal', 'agacé', 'en colère', 'irrité', 'catastrophique', 'pas sérieux', 'se moque',
        'vous moquez', 'marre', 'plusieurs relances', 'deuxième fois', 'seconde fois',
        'c\'est une blague',
      ],
      1: ['déçu', 'déception', 'toujours rien', 'malheureusement', 'relance', 'encore une fois', 'plusieurs fois', 'toujours en attente', 'réclamation', 'plainte', 'inacceptable', 'toujours pas'],
    },
    insult: {
      2: [
        'arnaque', 'arnaqueur', 'escroc', 'escroquerie', 'voleur', 'incompétent', 'bande de', 'merde',
        'putain', 'foutage de gueule', 'foutez', 'bordel', 'connard', 'idiot', 'minable', 'débiles', 'clowns',
      ],
      1: ['zut', 'nul', 'nulle'],
    },
    positive: {
      2: [
        'excellent', 'formidable', 'génial', 'super travail', 'bravo', 'félicitations', 'très satisfait', 'très satisfaite', 'ravi', 'parfait', 'impeccable',
        'au top', 'je recommande', 'irréprochable', 'un grand merci', 'merci infiniment', 'très efficace', 'très professionnel', 'merveilleux',
      ],
      1: ['top', 'merci', 'merci beaucoup', 'sympa', 'efficace', 'agréable', 'satisfait', 'content', 'apprécie', 'apprécié'],
    },
  },
};
