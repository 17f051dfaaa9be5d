import type { LanguageLexicon } from './types.js';

/**
 * Italian: consumer shop mails ("il pacco non è ancora arrivato", "rivoglio i miei soldi")
 * and formal B2B tickets ("Spett.le Assistenza, a seguito dell'aggiornamento l'integrazione
 * con il nostro gestionale restituisce un errore"), with the English loan words Italian
 * mails use (account, login, password, bug, refund, tracking, upgrade).
 *
 * Elided articles split words ("l'aggiornamento" is "l" + "aggiornamento"), so terms are
 * written without them. "Reso" is also "reso conto" (realised): that phrase is context, and
 * the return itself is named with its verbs ("fare il reso", "modulo di reso"). Accented words
 * also get their accent-free spelling ("riceverò" and "ricevero" stem differently).
 */
export const LEXICON_IT: LanguageLexicon = {
  intents: {
    refund: {
      3: [
        'rimborso', 'soldi ~ non ~ tornati|arrivati|restituiti|riaccreditati|rimborsati', 'quando ~ verrà|riceverò|arriverà|avrò ~ rimborso|soldi|riaccredito', 'rimborsi', 'rimborsare', 'rimborsato', 'rimborsata', 'rimborsabile', 'restituzione ~ importo|denaro|soldi|prodotto|merce|articolo|pagamento', 'soldi indietro', 'i miei soldi',
        'rivoglio ~ soldi', 'riavere ~ soldi', 'riaccredito', 'riaccreditare', 'riaccreditato', 'riaccreditati', 'nota di credito', 'RMA', 'numero RMA', 'diritto di recesso', 'recesso', 'refund',
        'effettuare|fare|richiedere|chiedere|aprire|avviare|procedere ~ reso', 'modulo di reso', 'etichetta di reso', 'procedura di reso', 'procedura di restituzione', 'richiesta di rimborso', 'richiesta di reso', 'reso gratuito', 'reso del prodotto|pacco|articolo|ordine',
        'restituire ~ prodotto|articolo|merce|ordine|pacco', 'rispedire', 'rispedito', 'ho|abbiamo ~ restituito|restituita|restituiti|reso|rispedito|rimandato|rimandata', 'cambio ~ taglia|prodotto|articolo|colore|misura', 'cambiare ~ taglia|prodotto|articolo|colore|misura',
        'sostituzione ~ prodotto|articolo|dispositivo|apparecchio', 'prodotto|articolo ~ sostitutivo', 'soddisfatti o rimborsati', 'storno',
      ],
      2: [
        'reso', 'resi', 'restituzione', 'restituire', 'restituito', 'sostituzione', 'sostituire', 'sostituito', 'indennizzo', 'risarcimento', 'rimborsi', 'arrivato|arrivata|arrivati ~ rotto|rotta|danneggiato|danneggiata|rotti|danneggiati',
        'prodotto|articolo ~ difettoso|danneggiato|rotto|sbagliato', 'articolo sbagliato', 'prodotto sbagliato', 'taglia sbagliata', 'colore sbagliato', 'non ~ ho ~ ordinato', 'in garanzia', 'stornare', 'stornato',
      ],
      1: ['garanzia', 'difettoso', 'difettosa', 'danneggiato', 'danneggiata', 'rotto', 'rotta', 'sbagliato', 'cambio', 'indietro'],
    },
    shipping: {
      3: [
        'spedizione', 'spedizioni', 'spedito', 'spedita', 'spediti', 'consegna', 'consegne', 'consegnato', 'consegnata', 'numero di tracking|tracciamento|spedizione', 'link ~ tracking|tracciamento',
        'non ~ è ~ arrivato|arrivata|arrivati|consegnato|consegnata', 'non ~ sono ~ arrivati|arrivate|consegnati', 'non ho ancora ricevuto', 'ancora ~ non ~ arrivato|arrivata|ricevuto|consegnato',
        'dov\'è ~ mio|mia ~ ordine|pacco|spedizione', 'dove ~ si_trova|è|sia|finito ~ mio|mia|il|la ~ ordine|pacco|spedizione', 'stato ~ ordine|spedizione|consegna', 'indirizzo di consegna|spedizione',
        'cambiare|modificare ~ indirizzo', 'annullare ~ ordine', 'annullamento ~ ordine', 'modificare ~ ordine', 'ordine annullato', 'data di consegna', 'ritardo ~ consegna|spedizione',
        'giacenza', 'in giacenza', 'BRT', 'Bartolini', 'GLS', 'SDA', 'Poste Italiane', 'DHL', 'UPS', 'TNT', 'FedEx', 'punto di ritiro', 'fermo deposito', 'spese di spedizione', 'in transito', 'pacco', 'pacchi',
        'corriere', 'smarrito', 'smarrita', 'bolla di consegna', 'DDT', 'documento di trasporto', 'Amazon Logistics',
      ],
      2: [
        'tracciamento', 'tracking', 'ordine|ordinazione|numero_ordine|n._ordine <num>', 'tempi di consegna', 'spedire', 'consegnare', 'dogana', 'dazi', 'in ritardo', 'ritardo', 'numero d\'ordine', 'numero ordine', 'ritiro', 'ritirare',
        'evaso', 'evasione', 'imballo', 'trasporto', 'logistica',
      ],
      1: ['annullare', 'annullamento', 'pacchetto', 'arrivato', 'arrivata', 'arrivo', 'ordine', 'ordinato', 'ordini', 'ricevuto', 'ricevere', 'attesa', 'aspetto', 'articolo', 'merce', 'indirizzo'],
    },
    billing: {
      3: [
        'fattura', 'fatture', 'fatturazione', 'fatturato', 'fatturata', 'fattura elettronica', 'invoice', 'billing', 'addebito', 'addebiti', 'addebitato', 'addebitata', 'addebitati',
        'doppio addebito', 'addebitato|addebitata|addebitati|pagato|pagata|addebito ~ due_volte|doppio|doppia|due_volte', 'addebito ~ non_autorizzato|errato|sbagliato|doppio', 'importo ~ errato|sbagliato|diverso',
        'pagamento ~ fallito|rifiutato|non_riuscito|non_andato_a_buon_fine|respinto|bloccato|non_va', 'metodo di pagamento', 'modalità di pagamento', 'metodi di pagamento', 'carta ~ rifiutata|addebitata',
        'ricevuta ~ fiscale|di_pagamento|del_pagamento|dell\'acquisto|dell\'ordine|di_acquisto', 'IVA', 'partita IVA', 'P.IVA', 'codice destinatario', 'SDI', 'bolletta', 'bollette', 'rinnovo automatico', 'addebito automatico', 'domiciliazione', 'RID', 'SEPA',
        'sollecito di pagamento', 'aumento ~ prezzo|tariffa|canone|costo', 'costi ~ aggiuntivi|non_previsti', 'canone mensile|annuale', 'disdire ~ abbonamento|contratto',
        'disdetta ~ abbonamento|contratto', 'abbonamento|contratto|licenza|piano ~ disdire|disdetta|rinnovato|annullare|cancellare', 'estratto conto', 'costo addebitato', 'roaming', 'costi di roaming', 'problemi di pagamento', 'problema di pagamento', 'costi|spese|addebiti ~ imprevisti|impreviste|aggiuntivi|aggiuntive|non_previsti|sconosciuti', 'credito residuo', 'ricarica ~ telefonica|credito|conto|sim', 'carta ~ bloccata|scaduta',
      ],
      2: [
        'pagamento', 'pagamenti', 'pagare', 'bonifico', 'PayPal', 'Satispay', 'Klarna', 'carta di credito', 'carta di debito', 'bancomat', 'abbonamento', 'abbonamenti', 'rinnovo', 'rinnovato',
        'disdetta', 'disdire', 'tariffa', 'tariffe', 'scontrino', 'canone', 'penale', 'mora', 'payment', 'fatturare', 'fatturati',
      ],
      1: ['importo', 'importi', 'sollecito', 'insoluto', 'pagato', 'pagata', 'prezzo', 'euro', 'carta', 'contratto', 'costo', 'costi', 'saldo', 'prelievo', 'ricarica'],
    },
    technical: {
      3: [
        'non funziona', 'non ~ funziona|funzionano|funzionante', 'non funziona più', 'smesso di funzionare', 'messaggio di errore', 'messaggi di errore', 'codice ~ errore|di_errore', 'errore ~ <num>',
        'bug', 'crash', 'va in crash', 'crasha', 'si blocca', 'si è bloccato|bloccata', 'si bloccano', 'si chiude ~ da_sola|da_solo|improvvisamente', 'non si avvia', 'non si accende', 'non si carica',
        'non carica', 'non si apre', 'non si connette', 'non si collega', 'non si aggiorna', 'non sincronizza', 'app|sito|sistema|server|dispositivo|schermo|applicazione|programma|portale|pagina|telefono|stampante ~ non ~ risponde', 'schermo ~ nero|bianco|bloccato', 'schermata ~ nera|bianca',
        'non riesco ~ aprire|installare|caricare|scaricare|sincronizzare|collegare|connettermi|salvare|stampare|importare|esportare|avviare|aggiornare',
        'malfunzionamento', 'malfunzionamenti', 'guasto', 'guasta', 'guasti', 'disservizio', 'interruzione del servizio', 'problema tecnico', 'problemi tecnici', 'assistenza tecnica', 'supporto tecnico',
        'API', 'webhook', 'endpoint', 'sincronizzazione', 'dopo ~ aggiornamento|update', 'firmware', 'timeout', 'time out', 'nessuna connessione', 'connessione ~ assente|persa|instabile|cade',
        'perdita di dati', 'dati ~ persi|spariti|cancellati', 'batteria ~ si_scarica|non_si_carica|gonfia', 'caricabatterie', 'non si ricarica', 'rallentamenti', 'lentissimo', 'error',
        'arresto anomalo', 'workaround', 'sviluppatori', 'esportazione', 'importazione', 'export', 'import', 'down', 'è down', 'irraggiungibile', 'non raggiungibile', 'Bad Gateway', 'Internal Server Error', 'non stampa', 'errore|error|HTTP <num>', 'problemi di prestazioni', 'problemi di compatibilità', 'problemi di connessione', 'problemi di rete', 'tempi di inattività', 'downtime', 'errore di sistema', 'errore del server', 'errore di connessione', 'integrazione ~ non_funziona|interrotta|errore',
      ],
      2: [
        'pixel', 'pixel di tracciamento', 'conversioni', 'tag manager', 'compatibilità', 'compatibile', 'VPN', 'plugin', 'riavvio', 'riavviato', 'riavviare', 'impostazioni di fabbrica', 'errore', 'errori', 'problema|problemi ~ con ~ app|applicazione|software|piattaforma|sistema|programma|dispositivo|portale|sito|server|gestionale|integrazione',
        'aggiornamento', 'aggiornamenti', 'update', 'software', 'server', 'database', 'integrazione', 'installazione', 'installare', 'configurazione', 'configurare',         'lento', 'lenta', 'lentezza', 'connessione', 'wifi', 'wi-fi', 'bluetooth', 'router', 'modem', 'dispositivo', 'stampante', 'browser', 'Chrome', 'Safari', 'iOS', 'Android', 'Windows',
        'si chiude', 'reinstall*', 'disinstall*', 'notifiche push', 'notifiche ~ doppie|non_arrivano|arrivano_due_volte', 'offline', 'caricamento', 'scaricare', 'download', 'upload', 'dashboard', 'report', 'batteria', 'display', 'riparazione', 'riparare', 'bloccato', 'bloccata', 'certificato', 'SSL', 'driver', 'log',
      ],
      1: ['versione', 'impostazioni', 'notifiche', 'notifica', 'app', 'applicazione', 'sistema', 'sito', 'piattaforma', 'portale', 'programma', 'gestionale', 'dati', 'funzione', 'funzionalità', 'telefono', 'smartphone', 'cellulare', 'computer', 'pc', 'tool', 'link', 'schermo'],
    },
    account: {
      3: [
        'login', 'log-in', 'non riesco ad accedere', 'non riusciamo ad accedere', 'impossibile accedere', 'non ~ riesco|riusciamo|riesce|riescono ~ più? ~ ad_accedere|a_entrare|a_loggarmi|a_fare_il_login', 'accesso ~ negato|bloccato|non_riuscito', 'password', 'credenziali', 'nome utente', 'username',
        'account', 'account ~ bloccato|sospeso|disattivato|hackerato|violato|eliminare|cancellare|creare|chiudere|unire|disabilitato',
        'eliminare|cancellare|chiudere|disattivare|creare|aprire ~ account|profilo|utenza', 'reimpostare ~ password', 'reset ~ password', 'recuperare ~ password|account|credenziali',
        'password dimenticata', 'dimenticato ~ password', 'autenticazione a due fattori', 'doppia autenticazione', 'verifica in due passaggi', '2FA', 'MFA', 'codice di verifica', 'codice OTP', 'OTP',
        'codice di conferma', 'link di attivazione', 'SPID', 'SSO', 'single sign-on', 'cambiare|modificare|aggiornare ~ indirizzo_email|indirizzo_e-mail|email|e-mail|mail', 'area riservata', 'area clienti',
        'aggiungere|rimuovere|invitare ~ utente|utenti|collega|colleghi', 'problemi di accesso', 'problema di accesso', 'SAML', 'Azure AD', 'Active Directory', 'LDAP', 'Okta', 'blocco ~ account|utenza', 'permessi ~ utente|di_accesso', 'profilo utente',
      ],
      2: ['accedere', 'utenza', 'accesso', 'accessi', 'non riesco a registrarmi', 'registrazione ~ non ~ riesce|funziona|va', 'email|mail ~ di ~ registrazione|conferma', 'registrazione ~ account|sito|portale|utente', 'iscrizione', 'iscritto', 'utente', 'utenti', 'permessi', 'amministratore', 'admin', 'PIN', 'sbloccare', 'area personale'],
      1: ['profilo', 'registrazione', 'registrarmi', 'registrarsi', 'registrato', 'email', 'e-mail', 'dati personali'],
    },
    sales: {
      3: [
        'preventivo', 'preventivi', 'richiesta di preventivo', 'listino prezzi', 'listino', 'quotazione', 'offerta commerciale', 'quanto costa', 'quanto costano', 'quanto costerebbe', 'quanto viene',
        'demo', 'dimostrazione', 'prova gratuita', 'versione di prova', 'periodo di prova gratuito', 'trial', 'sconto ~ quantità|volume', 'sconti ~ quantità|volume|per_aziende', 'all\'ingrosso', 'ingrosso',
        'rivenditore', 'rivenditori', 'diventare ~ rivenditore|partner|distributore', 'reseller', 'partnership', 'ufficio commerciale', 'reparto commerciale', 'area commerciale', 'commerciale di riferimento',
        'interessati a', 'interessato a', 'interessata a', 'siamo interessati', 'vorrei|vorremmo|desidero|desideriamo|vorrei_sapere_come ~ acquistare|comprare|ordinare', 'prima ~ acquisto',
        'gara d\'appalto', 'appalto', 'qual è il costo|prezzo', 'disponibile a magazzino', 'disponibilità a magazzino', 'disponibilità del prodotto', 'tornerà disponibile', 'in magazzino', 'licenze aggiuntive',
        'informazioni ~ sui|sulle|sui_vostri|sulle_vostre|riguardo_ai|riguardo_alle|sul_vostro ~ servizi|prodotti|soluzioni|offerte|pacchetti|piani|prezzi|tariffe|licenze', 'maggiori informazioni', 'pacchetti', 'modelli di licenza', 'modello di licenza', 'al pezzo', 'per pezzo', 'prezzo unitario', 'con ~ il ~ nostro ~ logo|marchio', 'personalizzati|personalizzate|personalizzato|personalizzata ~ con', 'disponibile anche', 'anche ~ in ~ blu|rosso|verde|nero|bianco|grigio|giallo|rosa|beige|marrone|taglia|altri_colori', 'avete anche', 'offrite anche', 'stiamo valutando',         'piano ~ enterprise|business|premium|pro|aziendale', 'passare al piano', 'upgrade ~ piano|abbonamento|premium|pro|business', 'pricing', 'quote',
      ],
      2: [
        'offerta', 'offerte', 'prezzi', 'periodo di prova', 'sconto', 'sconti', 'promozione', 'codice sconto', 'coupon', 'licenza', 'licenze', 'upgrade', 'acquisto',         'disponibilità', 'collaborazione', 'collaborare', 'distributore', 'commerciale', 'catalogo', 'brochure', 'fornitura ~ di', 'piani', 'enterprise', 'sales', 'nuovo cliente', 'fornitura', 'condizioni commerciali',
      ],
      1: ['acquistare', 'prezzo', 'prodotto', 'prodotti', 'modello', 'azienda', 'società', 'dipendenti', 'piano', 'disponibile', 'consulenza'],
    },
    complaint: {
      3: [
        'reclamo', 'reclami', 'lamentela', 'lamentele', 'lamentarmi', 'mi lamento', 'presentare|sporgere|fare ~ reclamo',
        'pessimo|pessima|scarso|scarsa ~ servizio|assistenza|esperienza|gestione|comunicazione', 'servizio clienti ~ pessimo|inesistente|vergognoso', 'assistenza ~ inesistente|pessima|vergognosa',
        'scortese', 'scortesi', 'maleducato', 'maleducata', 'maleducati', 'sgarbato', 'poco professionale', 'non professionale', 'assistenza|servizio|supporto ~ peggiorat*', 'sempre peggio',
        'nessuno ~ ha ~ risposto|richiamato', 'questo non è servizio', 'non è un servizio', 'c\'è ~ qualcuno ~ raggiungibile', 'attendo|pretendo|aspetto ~ una ~ spiegazione|spiegazioni|scuse', 'non si è presentato', 'non si è presentata', 'nessuno mi ha avvisato', 'appuntamento ~ saltato|non_rispettato', 'mai ~ ricevuto ~ risposta', 'impossibile parlare con', 'non risponde nessuno', 'numero verde|call_center|chat ~ non_risponde|irraggiungibile|sempre_occupato',
      ],
      2: [
        'nessuno ~ risponde|richiama|aiuta', 'nessuna risposta', 'nessun riscontro', 'senza risposta', 'insoddisfatto', 'insoddisfatta', 'non sono soddisfatto|soddisfatta', 'deluso', 'delusa', 'delusione', 'deludente',
        'risposta automatica', 'risposte automatiche', 'attesa infinita', 'ore di attesa', 'lamentare',
      ],
      1: [
        'inaccettabile', 'inammissibile', 'vergognoso', 'vergognosa', 'vergogna', 'ridicolo', 'terza|quarta|quinta ~ mail|email|e-mail|volta|segnalazione',
        'più volte ~ scritto|chiamato|contattato|sollecitato', 'ripetutamente', 'numerosi solleciti', 'purtroppo', 'operatore', 'operatori', 'servizio clienti', 'assistenza clienti', 'call center',
      ],
    },
    feedback: {
      3: [
        'un|piccolo|mio|nostro|qualche ~ suggerimento|suggerimenti', 'proposta di miglioramento', 'suggerimento di miglioramento', 'feature request', 'nuova funzionalità', 'nuove funzionalità',
        'sarebbe ~ bello|comodo|fantastico|carino|possibile_aggiungere', 'se si potesse', 'vorrei|vorremmo|volevo ~ suggerire|proporre', 'complimenti ~ per|a|al|alla|allo|ai|agli|vivissimi|sinceri', 'i miei complimenti', 'tanti complimenti', 'faccio i complimenti', 'vorrei|voglio|desidero ~ ringraziare', 'ringraziare di cuore', 'con ~ tanta|grande|molta ~ pazienza|competenza|gentilezza|professionalità', 'elogio', 'continuate così',
        'ottimo|eccellente|fantastico|splendido|impeccabile ~ servizio|lavoro|supporto|prodotto|assistenza', 'servizio ~ eccellente|impeccabile|ottimo', 'molto soddisfatto|soddisfatta', 'soddisfattissimo',
        'lasciare|scrivere ~ una? recensione', 'sondaggio', 'questionario', 'consegna|spedizione ~ velocissima|rapidissima|rapida|veloce|puntuale', 'sicuramente ~ ricomprerò|riordinerò|tornerò', 'tornerò a ~ comprare|ordinare', 'comprerò ancora', 'qualità ~ ottima|eccellente|top', 'ottima qualità', 'mi|ci ~ piace|piacciono ~ molto|tantissimo|davvero',
      ],
      2: ['volevo ~ solo|soltanto ~ dire|dirvi', 'mi piace molto', 'ci piace molto', 'potreste|potete ~ aggiungere|inserire|integrare', 'paziente', 'competente', 'pazienza', 'feedback', 'suggerimento', 'suggerimenti', 'una proposta', 'la mia proposta', 'un\'idea', 'una idea', 'idea per', 'idee', 'sarebbe ~ utile|ottimo|interessante', 'eccellente', 'fantastico', 'bravissimi', 'bravi', 'soddisfatto', 'soddisfatta', 'consiglierò', 'consiglio ~ a_tutti'],
      1: ['complimenti', 'migliorare', 'miglioramento', 'utile', 'gentile', 'ottimo', 'opinione', 'osservazione'],
    },
  },
  context: [
    // Politeness formulas: they close every kind of mail, angry ones too.
    'grazie in anticipo', 'grazie anticipatamente', 'ringrazio anticipatamente', 'ringraziando anticipatamente', 'ringraziandovi|ringraziandola ~ anticipatamente|in_anticipo|per', 'ringraziarvi|ringraziarla|ringraziare ~ in_anticipo|anticipatamente|per_la_disponibilità|per_l\'attenzione|per_la_collaborazione', 'vi ringrazio', 'la ringrazio', 'ti ringrazio',
    'grazie per ~ la|l\'|il ~ vostra|sua|tua ~ attenzione|disponibilità|aiuto|pazienza|collaborazione|risposta|tempo|comprensione|supporto', 'grazie ~ dell\'|della|del ~ attenzione|disponibilità|aiuto|risposta|supporto',
    'grazie mille', 'grazie ancora', 'cordiali saluti', 'distinti saluti', 'cordialmente', 'saluti', 'un saluto', 'un cordiale saluto', 'in attesa di ~ un|un_vostro|un_suo|vostro|suo|cortese ~ riscontro|risposta',
    'resto in attesa', 'rimango in attesa', 'attendo ~ vostro|suo|un|cortese ~ riscontro|risposta', 'cortese riscontro', 'gentili signori', 'spettabile', 'spett.le', 'egregi signori',
    'gentile|spettabile|spett.le|buongiorno|salve|ciao ~ assistenza|servizio_clienti|supporto|team|ufficio', 'rimango a disposizione', 'resto a disposizione', 'a disposizione per',
    'potete aiutarmi', 'potreste aiutarmi', 'mi potete aiutare', 'chiedo gentilmente',
    // Bank details are not a login account; "reso conto" is not a return.
    'numero di conto', 'conto corrente', 'IBAN', 'BIC', 'SWIFT', 'intestatario', 'sul mio conto', 'sul conto', 'sul nostro conto',
    'reso ~ conto', 'resa ~ conto', 'resi ~ conto', 'rendermi|rendersi|rendo|renda|rendiamo ~ conto', 'tenere conto', 'tenendo conto', 'per conto di', 'reso disponibile', 'reso possibile', 'reso noto',
    // "in ordine" is not an order.
    'avete|ha|hai|avreste ~ un\'idea|qualche_idea|idea', 'sul|nel|dal ~ sito|vostro_sito|portale', 'gentile responsabile', 'non ho idea', 'nessuna idea', 'ricevuto ~ la ~ sua|vostra ~ richiesta', 'abbiamo ricevuto',
    'in ordine', 'in ordine a', 'in ordine di', 'ordine del giorno', 'al fine di', 'in merito a', 'in allegato', 'allego',
  ],
  tone: {
    urgency: [
      'urgente', 'urgentemente', 'urgenza', 'con urgenza', 'massima urgenza', 'al più presto', 'il prima possibile', 'prima possibile', 'quanto prima', 'immediatamente', 'intervento immediato',
      'intervenire|risolvere|rimborsare|rispondere|sistemare|risposta|intervento ~ subito', 'serve|servono|bisogno ~ subito', 'mi serve ~ oggi', 'ultimo giorno utile', 'entro ~ oggi|domani|stasera|fine_giornata|domattina', 'oggi stesso', 'in giornata', 'massima priorità', 'alta priorità', 'priorità alta', 'emergenza', 'asap', 'improrogabile',
      'scadenza ~ oggi|domani', 'scade ~ oggi|domani', 'non posso lavorare', 'non possiamo lavorare', 'siamo bloccati', 'sono bloccato', 'sono bloccata', 'clienti ~ in_attesa|aspettano', 'tempestivamente',
      'celermente',
    ],
    critical: [
      'disservizio', 'interruzione del servizio', 'servizio interrotto', 'servizio ~ non_disponibile|down|fuori_uso|irraggiungibile',
      'piattaforma|sistema|server|sito|portale|servizio|gestionale|API|applicazione|ecommerce|e-commerce ~ down|irraggiungibile|non_raggiungibile|non_disponibile|fuori_uso|offline|inaccessibile',
      'è down', 'sono down', 'fuori servizio', 'produzione ~ ferma|bloccata|ferma', 'ambiente di produzione', 'sistema di produzione', 'blocco totale', 'fermo totale', 'perdendo|perdiamo ~ vendite|clienti|soldi|ordini|fatturato', 'fermo produzione', 'completamente ~ bloccato|fermo|inutilizzabile',
      'tutti_gli_utenti|tutti_i_clienti|tutti_i_dipendenti|tutti_i_colleghi|tutti_i_nostri_utenti ~ bloccati|coinvolti|impattati|non_riescono|non_possono', 'nessuno ~ riesce|può ~ accedere|lavorare|ordinare', 'nessuno ~ dei|degli ~ nostri? ~ utenti|colleghi|dipendenti|clienti|operatori', 'bloccato|bloccata|bloccati|bloccate|bloccano|bloccano_tutti ~ per ~ tutti',
      'tempi di ripristino', 'ripristino del servizio', 'tutte le ~ sedi|filiali|casse|postazioni', 'tutti i ~ punti_vendita|negozi', 'dispositivo sconosciuto', 'accesso sospetto', 'accessi sospetti', 'qualcun altro ~ accesso|entrato|accedere', 'violazione ~ dei ~ dati', 'data breach', 'fuga di dati', 'furto di dati',
      'incidente di sicurezza', 'falla di sicurezza', 'vulnerabilità', 'hackerato', 'hackerata', 'hackerati', 'hacker', 'attacco informatico', 'attacco hacker', 'accesso non autorizzato', 'accessi non autorizzati',
      'non autorizzat*', 'senza ~ mia ~ autorizzazione', 'phishing', 'frode', 'fraudolent*', 'ransomware', 'malware', 'account compromesso', 'perdita di dati', 'dati ~ persi|rubati|esposti',
      'furto d\'identità', 'clonata', 'carta clonata', 'breach', 'outage',
    ],
    calm: [
      'non è urgente', 'non urgente', 'nulla di urgente', 'niente di urgente', 'non è così urgente', 'non è particolarmente urgente', 'nessuna urgenza', 'non c\'è urgenza', 'non ha urgenza',
      'non c\'è fretta', 'nessuna fretta', 'senza fretta', 'non ho fretta', 'non abbiamo fretta', 'con calma', 'con comodo', 'quando avete tempo', 'quando potete', 'quando avrete tempo', 'quando ha tempo',
      'non è un\'emergenza', 'non è una emergenza', 'nessuna emergenza', 'non ha priorità', 'non è prioritario', 'non è una priorità', 'bassa priorità', 'priorità bassa', 'no rush',
    ],
    minor: [
      'un|piccolo|mio|nostro|qualche ~ suggerimento|suggerimenti', 'vorrei|vorremmo|volevo ~ suggerire|proporre', 'una proposta', 'un\'idea', 'una idea', 'idea per', 'se si potesse',
      'sarebbe ~ bello|comodo|fantastico|carino|possibile_aggiungere', 'mi piacerebbe', 'mi|ci ~ piace|piacciono ~ molto|tantissimo|davvero', 'potreste ~ aggiungere|inserire', 'nuova funzionalità', 'funzionalità aggiuntiva',
      'per curiosità', 'solo per curiosità', 'curiosità', 'domanda generale', 'semplice domanda', 'è_prevista|è_previsto|sarà_possibile|avete_in_programma ~ funzionalità|funzione|integrazione|versione|possibilità|opzione',
      'sicuramente ~ ricomprerò|riordinerò|tornerò', 'tornerò a ~ comprare|ordinare', 'comprerò ancora', 'avete in programma', 'è in programma', 'roadmap', 'complimenti ~ per|a|al|alla|allo|ai|agli|vivissimi|sinceri', 'i miei complimenti', 'tanti complimenti', 'continuate così', 'molto soddisfatto', 'molto soddisfatta', 'solo un\'informazione',
    ],
    legalThreat: [
      'avvocato', 'avvocati', 'mio legale', 'nostro legale', 'ufficio legale', 'studio legale', 'vie legali', 'azione legale', 'azioni legali', 'via legale', 'tribunale', 'giudice', 'giudice di pace',
      'denuncia', 'denunciare', 'denuncerò', 'querela', 'querelare', 'diffida', 'messa in mora', 'associazione ~ consumatori|dei_consumatori|di_consumatori', 'Altroconsumo', 'Codacons', 'Adiconsum',
      'Federconsumatori', 'AGCOM', 'AGCM', 'Antitrust', 'Garante ~ privacy|della_privacy|per_la_protezione', 'polizia postale', 'carabinieri', 'polizia', 'chargeback', 'contestare ~ addebito|pagamento ~ banca',
      'Corecom', 'procedura di conciliazione', 'risarcimento danni', 'danni subiti'
    ],
    publicThreat: [
      'recensione ~ negativa|pessima', 'recensioni ~ negative', 'pessima recensione', 'Trustpilot', 'Tripadvisor',
      'scrivere|scriverò|pubblicare|pubblicherò|raccontare|racconterò|segnalare|segnalerò|condividere|condividerò ~ sui_social|su_Facebook|su_Instagram|su_Twitter|su_LinkedIn|su_TikTok|in_rete|ovunque',
      'rendere pubblico', 'rendere ~ pubblica', 'ai giornali', 'alla stampa', 'ai giornalisti', 'Striscia la notizia',
      'Mi manda Rai', 'una stella', 'avvisare tutti', 'sconsiglierò', 'sconsiglio a tutti',
    ],
    anger: {
      3: [
        'vergogna', 'vergognoso', 'vergognatevi', 'inaccettabile', 'inammissibile', 'scandaloso', 'scandalo', 'per la terza|quarta|quinta|ennesima ~ volta', 'la ~ terza|quarta|quinta|ennesima ~ volta', 'mai visto', 'non l\'avevo mai visto', 'la ~ terza|quarta|quinta ~ mail|email|e-mail|volta_che_scrivo', 'l\'ennesima volta', 'ennesima volta', 'sono stufo',
        'sono stufa', 'siamo stufi', 'secondo|terzo|ennesimo|ulteriore ~ sollecito', 'mai più', 'furioso', 'furiosa', 'indignato', 'indignata', 'assurdo', 'assurda', 'incredibile che', 'è una presa in giro',
      ],
      2: [
        'arrabbiato', 'arrabbiata', 'arrabbiati', 'deluso', 'delusa', 'delusi', 'nessuno ~ risponde|risposto', 'nessuna risposta', 'ignorato', 'ignorata', 'ignorati', 'più volte', 'ancora una volta', 'ridicolo',
        'pessimo', 'pessima', 'disgustato', 'irritato', 'non sono soddisfatto|soddisfatta', 'insoddisfatto', 'insoddisfatta', 'sempre la stessa storia', 'nonostante ~ solleciti|sollecito|due|tre|più', 'questo non è servizio', 'ancora niente', 'ancora nessuna',
      ],
      1: ['seccato', 'frustrante', 'frustrato', 'purtroppo ancora', 'reclamo'],
    },
    insult: {
      2: [
        'truffatori', 'truffa', 'truffato', 'truffata', 'ladri', 'ladrata', 'incompetenti', 'incompetente', 'incapaci', 'idioti', 'cazzo', 'cazzate', 'merda', 'schifo', 'fate schifo', 'buffoni', 'pagliacci',
        'presa in giro', 'prendete in giro', 'ridicoli', 'porcheria', 'ciarlatani', 'vergognatevi', 'schifezza', 'imbroglioni', 'cialtroni',
      ],
      1: ['accidenti', 'cavolo', 'maledetto'],
    },
    positive: {
      2: [
        'eccellente', 'ottimo lavoro', 'ottimo servizio', 'fantastico', 'fantastica', 'bravissimi', 'complimenti ~ per|a|al|alla|allo|ai|agli|vivissimi|sinceri', 'i miei complimenti', 'tanti complimenti', 'molto soddisfatto', 'molto soddisfatta', 'soddisfattissimo', 'servizio impeccabile',
        'gentilissimi', 'gentilissima', 'gentilissimo', 'perfetto', 'grazie di cuore', 'davvero utile', 'molto utile', 'velocissimi', 'super veloci', 'splendido', 'meraviglioso', 'continuate così',
      ],
      1: ['grazie', 'soddisfatto', 'soddisfatta', 'gentile', 'utile', 'ottimo', 'bravi', 'super', 'veloce'],
    },
  },
};
