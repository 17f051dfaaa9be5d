import type { LanguageLexicon } from './types.js';

/**
 * Dutch (Netherlands and Flanders): consumer shop mails ("mijn pakket is nog niet
 * bezorgd", "ik wil mijn geld terug") and formal B2B tickets ("Geachte heer/mevrouw, sinds
 * de laatste update geeft de koppeling met ons ERP een foutmelding"), with the English loan
 * words Dutch mails use freely (account, inloggen, update, bug, refund, tracking, invoice).
 *
 * "Rekening" is both the bill and the bank account: the bank phrases are context.
 * The Snowball stemmer does not unify participles ("afgeschreven" ≠ "afschrijving"): both
 * forms are listed. Compounds: `*word` finds them ("energiefactuur").
 */
export const LEXICON_NL: LanguageLexicon = {
  intents: {
    refund: {
      3: [
        'terugbetaling', 'terugbetalen', 'terugbetaald', 'geld ~ terug', 'wanneer ~ krijg|krijgen|wordt|word|ontvang ~ geld|bedrag|terugbetaling|terugstorting', 'terugstorten', 'teruggestort', 'terugstorting', 'restitutie', 'geld terug', 'geld ~ terugkrijgen|terugbetalen|terugstorten|terug_ontvangen',
        'mijn geld', 'ons geld', 'aankoopbedrag', 'retour', 'retourneren', 'geretourneerd', 'retourzending', 'retourlabel', 'retourformulier', 'retouraanvraag', 'retourbewijs', 'retournummer',
        'terugsturen', 'teruggestuurd', 'terugzenden', 'teruggezonden', 'ruilen', 'omruilen', 'omgeruild', 'geruild', 'herroepingsrecht', 'herroeping', 'bedenktijd', 'creditnota', 'creditfactuur',
        'refund', 'RMA', 'RMA-nummer', 'terugkrijgen', 'terug te krijgen', 'ticketprijs|aankoopprijs|bedrag|geld ~ terugkrijgen|terugbetalen|terugstorten', 'vervangend ~ product|exemplaar|toestel|apparaat|artikel', 'nieuw exemplaar', 'geld-terug-garantie', 'terugboeking',
      ],
      2: [
        'vergoeding', 'vergoeden', 'compensatie', 'schadevergoeding', 'vervanging', 'vervangen', 'reclamatie', 'garantieclaim', 'beschadigd ~ aangekomen|geleverd|ontvangen|bezorgd',
        'kapot ~ aangekomen|geleverd|ontvangen|bezorgd', 'verkeerde ~ artikel|maat|kleur|product|model|item', 'verkeerd ~ artikel|product|geleverd', 'niet besteld', 'gecrediteerd', 'crediteren',
        'coulance',
      ],
      1: ['defect', 'kapot', 'beschadigd', 'garantie', 'gebrek', 'terug'],
    },
    shipping: {
      3: [
        'levering', 'bezorging', 'verzending', 'track ~ trace', 'trackingcode', 'trackingnummer', 'trackinglink', 'track-and-trace', 'zendingnummer', 'barcode ~ pakket',
        'niet|nooit|nog_niet|nog_steeds_niet ~ aangekomen|ontvangen|bezorgd|geleverd|binnen|verzonden|afgeleverd', 'nog niet binnen', 'waar blijft ~ mijn|onze|de ~ bestelling|pakket|levering|zending',
        'waar is ~ mijn|onze|de ~ bestelling|pakket|levering|zending', 'bezorger', 'pakketbezorger', 'koerier', 'PostNL', 'bpost', 'DHL', 'DPD', 'GLS', 'UPS', 'FedEx',
        'afleveradres', 'bezorgadres', 'leveradres', 'verzendadres', 'leverdatum', 'levertermijn', 'bezorgmoment', 'bezorgdatum', 'verzendbevestiging', 'bestelstatus',
        'status van ~ mijn|de|onze ~ bestelling|levering|zending', 'bestelling ~ annuleren|wijzigen|geannuleerd|aanpassen', 'order ~ annuleren|wijzigen', 'annuleer|annuleren|annuleert ~ bestelling|order', 'verzendkosten', 'zoekgeraakt', 'kwijtgeraakt',
        'afhaalpunt', 'pakketpunt', 'servicepunt', 'pakketautomaat', 'zending', 'pakketje', 'vrachtbrief', 'pakbon',
      ],
      2: [
        'tracking', 'bestelling|order|bestelnummer|ordernummer <num>', 'pakket', 'levertijd', 'verzonden', 'bezorgd', 'geleverd', 'afgeleverd', 'verzenden', 'versturen', 'leveren', 'bezorgen', 'aangekomen', 'douane', 'invoerrechten', 'vertraging', 'vertraagd', 'onderweg', 'bestelnummer', 'ordernummer', 'adres wijzigen',
        'annuleren', 'afhalen', 'opgehaald', 'expeditie', 'transporteur', 'uitgeleverd',
      ],
      1: ['geannuleerd', 'annulering', 'verstuurd', 'bestelling', 'besteld', 'bestellingen', 'order', 'wachten', 'wacht', 'ontvangen', 'artikel', 'artikelen'],
    },
    billing: {
      3: [
        'factuur', 'facturen', '*factuur', 'factuur*', 'facturatie', 'gefactureerd', 'factureren', 'invoice', 'billing', 'in rekening gebracht', 'afschrijving', 'afschrijvingen', 'afgeschreven',
        'dubbel|twee_keer|tweemaal|twee_maal ~ afgeschreven|betaald|gefactureerd|in_rekening_gebracht|geïncasseerd|afgeboekt', 'te veel ~ betaald|gefactureerd|afgeschreven|berekend',
        'incasso', 'automatische incasso', 'geïncasseerd', 'machtiging ~ incasso|intrekken|ingetrokken', 'stornering', 'betaalmethode', 'betaalwijze', 'betaalmiddel', 'betaling ~ mislukt|geweigerd|niet_gelukt|lukt_niet|afgewezen',
        'betalingsherinnering', 'aanmaning', 'herinnering ~ betaling', 'btw', 'btw-nummer', 'omzetbelasting', 'kwitantie', 'betaalbewijs', 'abonnementskosten', 'maandbedrag', 'maandbijdrage', 'jaarbedrag',
        'prijsverhoging', 'tariefverhoging', 'abonnement|contract|lidmaatschap|licentie ~ opzeggen|opgezegd|stopzetten|beëindigen|verlengd', 'stilzwijgend verlengd', 'opzegkosten', 'administratiekosten',
        'transactiekosten', 'creditcard ~ geweigerd|afgewezen|belast', 'kaart ~ geweigerd|afgewezen', 'betalingsachterstand', 'openstaand bedrag', 'openstaande factuur', 'betaalverzoek',
        'beltegoed', 'opwaarderen', 'tegoedbon', 'telefoonrekening', 'energierekening', 'gasrekening', 'waterrekening', 'eindafrekening', 'jaarafrekening', 'afrekening', 'roamingkosten', 'roaming', 'betalings*', 'onverwachte|extra|onbekende ~ kosten|afschrijving|afschrijvingen', 'licentiekosten', 'kostenoverzicht',
      ],
      2: [
        'rekening', 'betaling', 'betalingen', 'betalen', 'kosten', 'creditcard', 'iDEAL', 'PayPal', 'Klarna', 'Bancontact', 'overboeking', 'overgemaakt', 'afgeboekt', 'abonnement',
        'opzeggen', 'opgezegd', 'opzegging', 'tarief', 'tarieven', 'verlengd', 'verlenging', 'bonnetje', 'tegoed', 'SEPA', 'achteraf betalen', 'termijnbetaling', 'payment', 'berekend', 'aangerekend',
      ],
      1: ['bedrag', 'bedragen', 'betaald', 'prijs', 'euro', 'contract', 'kaart', 'lidmaatschap', 'bon'],
    },
    technical: {
      3: [
        'werkt ~ niet', 'werken ~ niet', 'werkt niet meer', 'doet het niet', 'doet ~ het ~ niet_meer', 'foutmelding', 'foutmeldingen', 'foutcode', 'storing', 'storingen', 'bug', 'bugs', 'crash', 'crasht',
        'gecrasht', 'loopt vast', 'vastgelopen', 'blijft hangen', 'hangt vast', 'bevriest', 'bevroren', 'laadt niet', 'laadt ~ niet_meer', 'laadt niet op', 'start niet', 'start ~ niet ~ op', 'gaat niet aan',
        'kan ~ niet ~ openen|installeren|opslaan|uploaden|downloaden|synchroniseren|verbinden|printen|importeren|exporteren|opstarten|updaten|laden', 'lukt ~ niet ~ om ~ te ~ openen|installeren|uploaden|synchroniseren',
        'koppeling', 'API', 'API-key', 'webhook', 'webhooks', 'endpoint', 'synchronisatie', 'synchroniseert ~ niet', 'sync', 'na|sinds ~ update|updates|upgrade|installatie', 'firmware', 'time-out', 'timeout',
        'geen verbinding', 'verbindingsproblemen', 'verbinding ~ verbroken|valt_weg', 'technisch probleem', 'technische problemen', 'technische storing', 'technische fout', 'error', 'errors',
        'uitval', 'volledig|helemaal ~ uitgevallen', 'dataverlies', 'gegevens ~ kwijt|verdwenen|verloren', 'zwart scherm', 'wit scherm', 'scherm ~ zwart|flikkert|blijft_zwart', 'accu', 'batterij', 'oplader', 'reageert ~ niet',
        'hapert', 'haperen', 'workaround', 'doorzetten naar ~ de? ~ ontwikkelaars|ontwikkeling|developers', 'down', 'ligt eruit', 'ligt plat', 'Bad Gateway', 'Internal Server Error', 'webshop|shop|website|site|server|portaal|platform|app|systeem ~ down|offline|onbereikbaar|niet_bereikbaar|eruit', 'print ~ geen|niet', 'HTTP <num>', 'systeemcrash', 'softwareprobleem', 'softwareproblemen', 'hardwareprobleem', 'hardwareproblemen', 'netwerkproblemen', 'serverproblemen', 'prestatieproblemen',
        'integratieproblemen', 'koppelingsproblemen', 'synchronisatieproblemen', 'downtime', 'compatibiliteitsproblemen', 'systeemfout', 'serverfout', 'verbindingsfout', 'softwarefout', 'storingsmelding',
      ],
      2: [
        'export', 'import', 'trackingpixel', 'pixel', 'conversietracking', 'tag manager', 'compatibiliteit', 'compatibel', 'netwerk', 'VPN', 'plugin', 'herstart', 'opnieuw ~ opgestart|geïnstalleerd|ingesteld', 'fabrieksinstellingen', 'fout', 'fouten', 'probleem|problemen ~ met ~ app|software|platform|applicatie|systeem|programma|tool|apparaat|portaal|website|site|server|koppeling',
        'update', 'updates', 'upgrade naar', 'software', 'server', 'servers', 'database', 'integratie', 'installatie', 'installeren', 'configuratie', 'instellingen', 'traag', 'langzaam',
        'verbinding', 'wifi', 'bluetooth', 'router', 'modem', 'apparaat', 'printer', 'browser', 'Chrome', 'Safari', 'Firefox', 'iOS', 'Android', 'Windows', 'offline', 'importeren', 'exporteren', 'uploaden',
        'downloaden', 'dashboard', 'rapportage', 'rapport', 'defect', 'kapot', 'reparatie', 'repareren', 'script', 'logs', 'certificaat', 'SSL', 'driver',
      ],
      1: ['versie', 'meldingen', 'notificaties', 'app', 'systeem', 'website', 'site', 'platform', 'applicatie', 'programma', 'portaal', 'data', 'gegevens', 'functie', 'telefoon', 'toestel', 'laptop', 'computer', 'scherm', 'tool', 'link', 'code'],
    },
    account: {
      3: [
        'inloggen', 'ingelogd', 'uitgelogd', 'inlog', 'login', 'log-in', 'kan ~ niet ~ inloggen|aanmelden', 'niet ~ inloggen', 'wachtwoord', 'wachtwoorden', 'wachtwoord ~ vergeten|resetten|wijzigen|herstellen',
        'gebruikersnaam', 'gebruikersaccount', 'klantaccount', 'mijn|ons|het ~ account', 'mijn account', 'account ~ geblokkeerd|verwijderen|verwijderd|aanmaken|opheffen|gehackt|samenvoegen|deactiveren|afgesloten',
        'tweestapsverificatie', 'twee-factor*', 'tweefactorauthenticatie', '2FA', 'MFA', 'authenticator', 'verificatiecode', 'bevestigingscode', 'inlogcode', 'sms-code', 'activatielink', 'activatiecode',
        'inloggegevens', 'inlognaam', 'SSO', 'single sign-on', 'e-mailadres ~ wijzigen|aanpassen|veranderen', 'gebruiker|gebruikers ~ toevoegen|verwijderen|uitnodigen|aanmaken', 'toegangsrechten',
        'inlogpoging*', 'Mijn omgeving', 'klantportaal', 'inlogproblemen', 'inlogprobleem', 'SAML', 'Azure AD', 'Active Directory', 'LDAP', 'Okta', 'toegangsproblemen', 'accountproblemen',
      ],
      2: ['account', 'accounts', 'aanmelden', 'aangemeld', 'afmelden', 'registratie', 'registreren', 'geregistreerd', 'profiel', 'toegang', 'geblokkeerd', 'deblokkeren', 'gebruiker', 'gebruikers', 'rechten', 'beheerder', 'admin', 'pincode', 'DigiD'],
      1: ['lid', 'e-mailadres', 'gegevens wijzigen'],
    },
    sales: {
      3: [
        'offerte', 'offertes', 'offerteaanvraag', 'prijsopgave', 'prijsofferte', 'prijslijst', 'prijsindicatie', 'wat kost', 'wat kosten', 'hoeveel kost', 'hoeveel kosten', 'demo', 'productdemo',
        'proefversie', 'proefaccount', 'gratis ~ uitproberen|proberen|testen', 'trial', 'staffelkorting', 'volumekorting', 'kwantumkorting', 'grote bestelling', 'grote hoeveelheid', 'wederverkoper',
        'reseller', 'dealer worden', 'partnerschap', 'verkoopafdeling', 'accountmanager', 'interesse in', 'geïnteresseerd in', 'op voorraad', 'voorradig', 'weer leverbaar',
        'willen|wil|zouden_graag|zou_graag ~ bestellen|kopen|aanschaffen|afnemen', 'voordat ik ~ bestel|koop', 'voor aankoop', 'aanbesteding', 'raamovereenkomst', 'zakelijk abonnement',
        'licenties ~ kopen|aanschaffen|bijkopen', 'upgraden naar', 'upgrade naar ~ premium|pro|business|enterprise', 'enterprise-abonnement', 'pricing', 'quote', 'prijsinformatie', 'prijsstelling', 'licentiemodel*', 'demonstratie', 'per stuk', 'stukprijs', 'prijs per', 'met ~ ons|onze|eigen ~ logo|bedrijfslogo|opdruk',
      ],
      2: [
        'meer ~ weten ~ over ~ uw|jullie|de ~ diensten|producten|oplossingen|pakketten|prijzen|licenties', 'informatie over ~ uw|jullie ~ diensten|producten|oplossingen|pakketten|prijzen', 'studentenkorting', 'jaarkorting', 'introductiekorting', 'hebben|bieden|verkopen|leveren ~ jullie|u ~ ook', 'productinformatie', 'adviesgesprek', 'oriënteren', 'prijzen', 'proefperiode', 'geïnteresseerd', 'korting', 'kortingscode', 'actieprijs', 'actiecode', 'aanbieding', 'aanbod', 'licentie', 'licenties', 'upgrade', 'upgraden', 'kopen', 'aanschaffen', 'aanschaf', 'aankoop',
        'leverbaar', 'beschikbaarheid ~ van', 'samenwerking', 'samenwerken', 'groothandel', 'dealer', 'distributeur', 'enterprise', 'sales', 'catalogus', 'brochure', 'pakketten',
        'abonnementen', 'nieuwe klant', 'zakelijk',
      ],
      1: ['prijs', 'product', 'producten', 'model', 'bedrijf', 'organisatie', 'medewerkers', 'plan', 'beschikbaar', 'advies', 'afnemen', 'bestellen', '*abonnement'],
    },
    complaint: {
      3: [
        'klacht', 'klachten', 'klacht indienen', 'beklag', 'klachtenprocedure', 'slechte|belabberde|waardeloze ~ service|klantenservice|communicatie|dienstverlening|behandeling',
        'klantenservice|service|helpdesk ~ is ~ slecht|waardeloos|onbereikbaar|achteruitgegaan', 'onbeschoft', 'onvriendelijk', 'grof behandeld', 'onprofessioneel', 'klantonvriendelijk',
        'ik verwacht ~ een? ~ verklaring|excuses|uitleg', 'niet ~ verschenen|gekomen|komen_opdagen', 'niemand ~ heeft ~ afgebeld|laten_weten|gebeld', 'afspraak ~ niet ~ nagekomen', 'is ~ er ~ überhaupt|uberhaupt|wel ~ iemand ~ bereikbaar', 'dit is geen service', 'zo ga je niet met ~ klanten ~ om', 'chat|telefoon|klantenservice|helpdesk|servicedesk ~ niet_beschikbaar|onbereikbaar|niet_bereikbaar|niet_opgenomen|neemt_niet_op',
        'zonder ~ enige|een ~ reactie|antwoord', 'derde|vierde|vijfde|zoveelste ~ mail|e-mail|bericht|keer', 'niemand ~ gereageerd|geantwoord|teruggebeld', 'nooit ~ iemand ~ gereageerd|teruggebeld',
      ],
      2: [
        'klagen', 'niemand ~ reageert|antwoordt|belt|helpt', 'geen reactie', 'geen antwoord', 'geen enkele reactie', 'ontevreden', 'niet tevreden', 'teleurgesteld', 'teleurstelling', 'wachtrij', 'in de wacht',
        'leidinggevende', 'onbereikbaar', 'slechter geworden', 'klantenservice', 'helpdesk',
      ],
      1: [
        'onacceptabel', 'onaanvaardbaar', 'schandalig', 'bedroevend', 'waardeloos', 'belachelijk', 'frustrerend', 'gefrustreerd', 'geërgerd', 'ergerlijk',
        'meerdere keren|meermaals|herhaaldelijk|al_drie_keer|al_twee_keer ~ gemaild|gebeld|contact|geschreven|gevraagd', 'helaas', 'manager', 'medewerker',
      ],
    },
    feedback: {
      3: [
        'suggestie', 'suggesties', 'verbetervoorstel', 'verbeterpunt', 'verbeterpunten', 'feature request', 'functieverzoek', 'featureverzoek',
        'het zou ~ mooi|handig|leuk|top|fantastisch ~ zijn', 'zou ~ handig|mooi ~ zijn ~ als', 'als je ~ ook ~ kon|kunt|zou_kunnen', 'compliment', 'complimenten', 'lof', 'ga zo door',
        'top ~ service|klantenservice', 'geweldige|uitstekende|fantastische|super ~ service|klantenservice|hulp|ondersteuning|app', 'zeer|erg|heel|super ~ tevreden', 'aanrader', 'review ~ schrijven|achterlaten', 'enquête', 'productfeedback', 'snelle|supersnelle|vlotte|razendsnelle ~ levering|verzending|afhandeling|reactie|hulp', 'graag weer', 'top|topkwaliteit|goede|uitstekende ~ kwaliteit', 'bevalt|bevallen ~ me|mij|ons ~ erg|heel|super|echt|zeer ~ goed', 'super|goed|geweldig|fantastisch|top|prima|uitstekend ~ geholpen', 'geduldig', 'deskundig', 'mag best gezegd worden',
        'compliment|complimenten|dank|bedankje ~ doorgeven|overbrengen',
      ],
      2: ['wilde|wou ~ even|gewoon ~ zeggen', 'bevalt me', 'bevalt ons', 'kunnen|kunt ~ jullie|u ~ nog? ~ toevoegen|inbouwen', 'feedback', 'voorstel', 'idee', 'ideeën', 'verbetering', 'verbeteren', 'geweldig', 'fantastisch', 'uitstekend', 'tevreden', 'aanbevelen', 'aanraden'],
      1: ['behulpzaam', 'vriendelijk', 'fijn', 'mening', 'opmerking', 'tip', 'wens'],
    },
  },
  context: [
    // Politeness formulas: they close every kind of mail, angry ones too.
    'alvast bedankt', 'alvast dank', 'bij voorbaat dank', 'bij voorbaat bedankt', 'bedankt ~ alvast|vooraf', 'dank ~ u|je ~ wel', 'dankjewel', 'dankuwel', 'hartelijk dank', 'hartelijk bedankt', 'vriendelijk bedankt',
    'bedankt|dank ~ voor ~ uw|je|jullie|de ~ hulp|moeite|reactie|antwoord|tijd|begrip|geduld|medewerking|ondersteuning|snelle_reactie|bericht|mail',
    'met vriendelijke groet', 'met vriendelijke groeten', 'vriendelijke groet', 'vriendelijke groeten', 'met hartelijke groet', 'hartelijke groet', 'groetjes', 'groet', 'mvg', 'm.v.g.',
    'geachte heer|mevrouw|heer/mevrouw|dames_en_heren|klantenservice', 'geachte heer ~ mevrouw', 'beste|hallo|goedendag|goedemiddag|goedemorgen ~ klantenservice|team|support|helpdesk|servicedesk|medewerker',
    'ik hoor graag van u', 'ik hoor het graag', 'hoor graag van jullie', 'in afwachting van ~ uw|je|jullie ~ reactie|antwoord', 'ik zie uw reactie graag tegemoet', 'graag uw reactie', 'laat ~ het ~ weten',
    'kunt u mij helpen', 'kunnen jullie mij helpen', 'zou u mij kunnen helpen',
    // The bank account is not a login account.
    'rekeningnummer', 'bankrekening', 'bankrekeningnummer', 'IBAN', 'BIC', 'rekeninghouder', 'tenaamstelling', 'op ~ mijn|onze|uw|je ~ rekening', 'naar ~ mijn|onze ~ rekening',
    // Everyday phrases that contain intent words.
    'enig idee', 'heeft|hebben|hebt ~ u|jullie|je ~ een|enig ~ idee', 'tot uw|jullie|je beschikking', 'ter beschikking', 'beschikking ~ stellen|gesteld', 'geen idee', 'geen flauw idee', 'op ~ de|jullie|uw|je ~ website|site|webshop', 'in orde', 'in ieder geval', 'met betrekking tot', 'naar aanleiding van', 'in de bijlage', 'bijgevoegd', 'ter info', 'rekening ~ houden', 'rekening mee',
  ],
  tone: {
    urgency: [
      'dringend', 'urgent', 'spoed', 'met spoed', 'spoedeisend', 'zsm', 'z.s.m', 'zo snel mogelijk', 'zo spoedig mogelijk', 'onmiddellijk', 'asap', 'per omgaande', 'vandaag nog', 'nog vandaag',
      'voor|uiterlijk|vóór ~ vandaag|morgen|vanavond', 'hoge prioriteit', 'hoogste prioriteit', 'prioriteit hoog', 'noodgeval', 'deadline', 'tijdkritisch', 'heb haast', 'hebben haast', 'haast geboden', 'het is dringend',
      'kan ~ niet ~ werken|verder', 'kunnen ~ niet ~ werken|verder', 'staan stil', 'klanten wachten', 'morgen ~ nodig', 'vandaag ~ nodig',
    ],
    critical: [
      'storing ~ bij ~ alle|iedereen', 'landelijke storing', 'grote storing', 'totale storing', 'volledige storing', 'uitval', 'uitgevallen', 'platgelegd', 'ligt plat', 'ligt ~ plat|eruit', 'liggen ~ plat|eruit',
      'productie ~ ligt|staat ~ stil|plat', 'lopen ~ omzet ~ mis', 'verliezen ~ omzet|klanten|geld', 'omzetverlies', 'alle|al_onze|al_onze_winkels ~ filialen|vestigingen|winkels|locaties|kassa\'s|kantoren|sites ~ niet|kunnen_niet', 'alle filialen', 'alle vestigingen', 'productieomgeving', 'productiesysteem', 'staat stil', 'stilstand', 'niemand ~ kan ~ inloggen|werken|bestellen', 'alle ~ gebruikers|klanten|medewerkers|collega\'s ~ getroffen|geraakt', 'alle ~ gebruikers|klanten|medewerkers|collega\'s ~ kunnen ~ niet',
      'website|site|platform|systeem|server|webshop|portaal|dienst|api|applicatie ~ down|offline|onbereikbaar|niet_bereikbaar|niet_beschikbaar', 'is down', 'zijn down',
      'datalek', 'data lek', 'beveiligingsincident', 'beveiligingslek', 'gehackt', 'hack', 'hacker', 'hackers', 'cyberaanval', 'ongeautoriseerd*', 'onbevoegd*', 'zonder ~ mijn ~ toestemming', 'onbekend|onbekende ~ apparaat|locatie|IP|land|inlog|inlogpoging|login|aanmelding', 'iemand anders ~ ingelogd|zit|toegang', 'niet door mij', 'phishing',
      'fraude', '*fraude', 'frauduleus*', 'die ik niet ~ heb ~ gedaan|gemaakt|uitgevoerd|besteld', 'niet door mij ~ gedaan|uitgevoerd|besteld', 'ransomware', 'malware', 'gecompromitteerd', 'identiteitsfraude', 'dataverlies', 'gegevens ~ gelekt|gestolen', 'breach', 'outage',
    ],
    calm: [
      'niet dringend', 'niet urgent', 'niet zo dringend', 'niet heel dringend', 'niet erg dringend', 'niets dringends', 'geen haast', 'heeft geen haast', 'heb geen haast', 'geen spoed', 'heeft geen spoed',
      'geen noodgeval', 'geen prioriteit', 'geen hoge prioriteit', 'geen deadline', 'niet tijdkritisch', 'rustig aan', 'op uw gemak', 'op je gemak', 'wanneer het u uitkomt', 'wanneer het jullie uitkomt',
      'als u tijd heeft', 'als jullie tijd hebben', 'wanneer u tijd heeft', 'wanneer je tijd hebt', 'als het uitkomt', 'geen rush', 'no rush',
    ],
    minor: [
      'suggestie', 'suggesties', 'een voorstel', 'een idee voor', 'mijn idee', 'klein idee', 'had ~ een ~ idee', 'ideetje', 'verbetervoorstel', 'feature request', 'functieverzoek', 'het zou ~ mooi|handig|leuk|top ~ zijn', 'zou mooi zijn', 'als je ~ ook ~ kon|kunt|zou_kunnen',
      'uit nieuwsgierigheid', 'puur uit interesse', 'algemene vraag', 'roadmap',
      'compliment', 'complimenten', 'ga zo door', 'graag weer', 'bevalt|bevallen ~ me|mij|ons ~ erg|heel|super|echt|zeer ~ goed', 'kunnen|kunt ~ jullie|u ~ nog? ~ toevoegen|inbouwen', 'zeer tevreden', 'erg tevreden', 'heel tevreden', 'super tevreden', 'ter informatie',
    ],
    legalThreat: [
      'advocaat', 'advocaten', 'advocatenkantoor', 'jurist', 'juridische stappen', 'juridisch*', 'naar|voor ~ de ~ rechter', 'rechtbank', 'rechtszaak', 'aanklagen', 'dagvaarding', 'dagvaarden', 'Geschillencommissie',
      'ACM', 'ConsuWijzer', 'Consumentenbond', 'Test-Aankoop', 'Testaankoop', 'aangifte ~ doen|gedaan', 'politie', 'Autoriteit Persoonsgegevens', 'ingebrekestelling', 'in gebreke', 'chargeback',
      'terugboeking ~ aanvragen|via', 'schadevergoeding ~ eisen|claimen', 'rechtsbijstand', 'rechtsbijstandsverzekering', 'ombudsman', 'Kifid', 'incassobureau inschakelen',
    ],
    publicThreat: [
      'slechte|negatieve ~ review|reviews|recensie|beoordeling', 'Trustpilot', 'Kiyoh', 'Google review*', 'Google-review*', 'op|via ~ sociale|social ~ media ~ zetten|plaatsen|delen|melden|bekendmaken|waarschuwen',
      'op ~ Facebook|Twitter|X|Instagram|LinkedIn|TikTok ~ zetten|plaatsen|delen|melden', 'openbaar maken', 'naar de pers', 'naar de media', 'de pers', 'naar|bij ~ Kassa|Radar', 'Kassa ~ inschakelen|benaderen|mailen',
      'iedereen waarschuwen', 'anderen waarschuwen', 'één ster', '1 ster',
    ],
    anger: {
      3: [
        'schandalig', 'schande', 'belachelijk', 'onacceptabel', 'onaanvaardbaar', 'voor de derde|vierde|vijfde|zoveelste ~ keer', 'zoveelste keer', 'ben|zijn ~ het ~ zat|beu|spuugzat|kotsbeu', 'de ~ derde|vierde|vijfde|zoveelste ~ keer', 'nog nooit ~ meegemaakt', 'nog nooit zo', 'spuugzat', 'kotsbeu',
        'nooit meer', 'woedend', 'absurd', 'de ~ derde|vierde|vijfde|zoveelste ~ mail|e-mail|bericht', 'dit slaat nergens op', 'te gek voor woorden', 'zo ga je niet met ~ klanten ~ om',
      ],
      2: [
        'ben|erg|zeer|heel|echt|nogal|behoorlijk|best boos', 'kwaad', 'geërgerd', 'ergerlijk', 'teleurgesteld', 'geen reactie ~ gekregen|ontvangen', 'krijg ~ geen ~ reactie|antwoord', 'geen ~ antwoord|reactie ~ gekregen|ontvangen|gehad', 'ondanks ~ herinneringen|herinnering|reminders|reminder|twee|drie|meerdere', 'dit is geen service', 'genegeerd', 'herhaaldelijk ~ gemaild|gebeld|geschreven|contact',
        'twee|drie|vier|vijf|meerdere|zoveel ~ keer|keren|maal ~ gebeld|gemaild|geschreven|contact', 'al drie keer',
        'niet tevreden', 'ontevreden', 'waardeloos', 'bedroevend', 'triest', 'onbegrijpelijk',
      ],
      1: ['ongelofelijk', 'frustrerend', 'gefrustreerd', 'nog steeds', 'alweer', 'weer niet', 'klacht', 'helaas weer', 'niemand ~ reageert|antwoordt|gereageerd'],
    },
    insult: {
      2: [
        'oplichters', 'oplichter', 'oplichting', 'opgelicht', 'boeven', 'dieven', 'zakkenvullers', 'prutsers', 'incompetent', 'idioten', 'idioot', 'klote*', 'kut*', 'shit', 'fuck*', 'troep', 'rommel',
        'bagger', 'flutbedrijf', 'lachertje', 'een grap', 'amateurs', 'godverdomme', 'poppenkast', 'zooitje',
      ],
      1: ['verdomme', 'verdorie', 'jeetje'],
    },
    positive: {
      2: [
        'geweldig', 'fantastisch', 'uitstekend', 'topservice', 'top service', 'zeer tevreden', 'erg tevreden', 'heel tevreden', 'super tevreden', 'compliment', 'complimenten', 'prima service',
        'heel blij', 'erg blij', 'heel erg bedankt', 'enorm bedankt', 'ontzettend bedankt', 'super bedankt', 'perfect', 'snel geholpen', 'goed geholpen', 'ga zo door', 'top geregeld', 'echt top',
      ],
      1: ['bedankt', 'dank', 'tevreden', 'blij', 'fijn', 'vriendelijk', 'behulpzaam', 'prima', 'top', 'super'],
    },
  },
};
