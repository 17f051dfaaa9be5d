import { describe } from 'vitest';
import { itClassifiesEach, type ClassifyCase } from '../support/classify-cases.js';

const CASES: ClassifyCase[] = [
  // One everyday mail per intent.
  {
    name: 'refund: a returned item not yet refunded',
    subject: 'Toujours pas remboursée',
    text: "Bonjour,\n\nJ'ai renvoyé la veste commandée le mois dernier, elle était trop petite. Votre entrepôt l'a bien reçue il y a dix jours mais je n'ai toujours pas été remboursée sur ma carte.\n\nPouvez-vous vérifier ?\nMerci,\nÉlodie",
    category: 'refund',
    priority: 'normal',
  },
  {
    name: 'shipping: a parcel stuck with the carrier',
    subject: 'Où est mon colis ?',
    text: "Bonjour, j'ai commandé une lampe il y a deux semaines. Le suivi indique que le colis est en transit depuis six jours et rien ne bouge. Pouvez-vous contacter le transporteur ?",
    category: 'shipping',
    priority: 'normal',
  },
  {
    name: 'billing: a formal request for a corrected invoice',
    subject: 'Erreur sur la facture de septembre',
    text: "Madame, Monsieur,\n\nLa facture de septembre mentionne 30 licences alors que notre contrat en prévoit 25. Le montant prélevé est donc erroné. Pourriez-vous nous adresser une facture rectificative et régulariser le prélèvement ?\n\nBien cordialement,\nService comptabilité",
    category: 'billing',
    priority: 'normal',
  },
  {
    name: 'technical: an integration failing after an update (B2B)',
    subject: 'Synchronisation des commandes interrompue',
    text: "Bonjour,\n\nDepuis la mise à jour du connecteur, la synchronisation entre votre plateforme et notre ERP échoue : le journal affiche un code d'erreur 401 à chaque tentative et les nouvelles commandes n'apparaissent plus dans notre système. Nous avons vérifié la clé API.\n\nPouvez-vous regarder de votre côté ?\n\nCordialement,\nThomas, responsable informatique",
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'account: a password reset link that never arrives',
    subject: 'Accès',
    text: "Bonjour, j'ai oublié mon mot de passe et le lien de réinitialisation n'arrive jamais dans ma boîte mail. Je ne peux plus me connecter à mon espace.",
    category: 'account',
    priority: 'normal',
  },
  {
    name: 'sales: a quote for licences',
    subject: 'Demande de devis',
    text: "Bonjour,\n\nNous sommes une PME de 60 personnes et nous étudions votre solution. Pourriez-vous nous faire parvenir un devis pour 60 licences, ainsi que vos conditions tarifaires pour un engagement annuel ? Une démonstration serait également la bienvenue.\n\nCordialement",
    category: 'sales',
    priority: 'normal',
  },
  {
    name: 'complaint: nobody answers',
    subject: 'Service client',
    text: "Je vous ai écrit trois fois cette semaine et personne ne répond. Au téléphone, vingt minutes d'attente puis plus rien. Je suis très déçu par votre service client.",
    category: 'complaint',
    priority: 'high',
  },
  {
    name: 'feedback: a feature idea, no rush',
    subject: 'Une idée pour l’appli',
    text: "Bonjour, j'utilise votre appli tous les jours. Ce serait bien de pouvoir classer les listes par couleur. Rien d'urgent, c'est juste une suggestion !",
    category: 'feedback',
    priority: 'low',
  },
  {
    name: 'feedback: praise',
    subject: 'Merci !',
    text: "Je voulais simplement féliciter votre équipe : commande reçue en 24 heures, emballage soigné et un conseiller très aimable au téléphone. Bravo, je recommande !",
    category: 'feedback',
    priority: 'low',
  },
  // Politeness does not decide.
  {
    name: 'politeness: "merci d’avance" and "je vous remercie" in a shipping mail',
    subject: 'Adresse de livraison',
    text: "Bonjour,\n\nPourriez-vous modifier l'adresse de livraison de ma commande 7781234 ? Je viens de déménager.\n\nMerci d'avance pour votre aide, je vous remercie de votre compréhension.\nBelle journée",
    category: 'shipping',
    priority: 'normal',
  },
  // Words that mean something else in context.
  {
    name: 'context: a phone that does not charge is technical, not billing',
    subject: 'Téléphone',
    text: "Mon téléphone ne charge plus depuis hier soir, j'ai essayé deux câbles et une autre prise. L'écran s'allume mais la batterie reste à 3 %.",
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'context: a bank account number in a refund mail is not a login account',
    subject: 'Remboursement par virement',
    text: "Bonjour, suite à l'annulation de ma réservation, voici mon numéro de compte pour le remboursement : IBAN FR76 1234 5678 9012. Je compte sur vous pour faire le nécessaire.",
    category: 'refund',
    priority: 'normal',
  },
  {
    name: 'context: "commander" in a pre-sales question is sales',
    subject: 'Commande de 300 unités',
    text: "Bonjour, nous souhaitons commander 300 gourdes personnalisées pour un salon en mars. Quels sont vos prix de gros et le délai de fabrication ?",
    category: 'sales',
    priority: 'normal',
  },
  // A strong subject contradicted by the body.
  {
    name: 'subject: "Facture" but the body is a login problem',
    subject: 'Facture',
    text: "Bonjour, je voulais télécharger ma facture mais je n'arrive plus à me connecter : mon identifiant est refusé et la double authentification ne m'envoie aucun code.",
    category: 'account',
    priority: 'normal',
  },
  // Urgent: outage, security, legal.
  {
    name: 'urgent: an outage written calmly',
    subject: 'Plateforme inaccessible',
    text: "Bonjour,\n\nDepuis 9h, la plateforme est indisponible pour tous nos utilisateurs : la page de connexion renvoie une erreur 503. Nos équipes ne peuvent plus traiter les dossiers.\n\nCordialement",
    category: 'technical',
    priority: 'urgent',
  },
  {
    name: 'urgent: a hacked account',
    subject: 'Compte piraté',
    text: "Quelqu'un s'est connecté à mon compte depuis l'étranger, a changé mon adresse e-mail et passé deux commandes. Je ne peux plus accéder à mon compte.",
    category: 'account',
    priority: 'urgent',
  },
  {
    name: 'urgent: a legal threat over a refund',
    subject: 'Mise en demeure',
    text: "Malgré mes trois relances, je n'ai toujours pas été remboursé des 450 € dus depuis juin. Sans remboursement sous huit jours, je saisirai le tribunal et mon avocat prendra le relais.",
    category: 'refund',
    priority: 'urgent',
  },
  // High: urgent wording, anger.
  {
    name: 'high: a deadline tomorrow',
    subject: 'Badge d’accès',
    text: "Bonjour, j'ai besoin de mes identifiants avant demain matin pour la formation, c'est urgent. Mon mot de passe ne fonctionne pas.",
    category: 'account',
    priority: 'high',
  },
  {
    name: 'high: an angry refund mail',
    subject: 'Remboursement',
    text: "C'est inadmissible ! Trois semaines que j'attends mon remboursement pour un article défectueux. J'en ai marre de vos promesses.",
    category: 'refund',
    priority: 'high',
  },
  // Low: a general question.
  {
    name: 'low: a curious question',
    subject: 'Petite question',
    text: "Bonjour, simple curiosité : d'où vient le nom de votre entreprise ? Merci !",
    category: 'other',
    priority: 'low',
  },
];

describe('French mail', () => {
  itClassifiesEach('fr', CASES);
});
