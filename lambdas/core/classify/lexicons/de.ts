import type { LanguageLexicon } from './types.js';

/**
 * German: how customers write to support, from one-line shop mails ("Paket ist nicht
 * angekommen", "will mein Geld zurück") to formal B2B tickets ("Sehr geehrte Damen und
 * Herren, seit dem letzten Update liefert die Schnittstelle…"), with the English loan words
 * German mails mix in (Login, Account, Update, Bug, Invoice, Tracking, Refund).
 *
 * The Snowball stemmer unifies inflections ("Rechnungen" → "Rechnung") but not participles
 * ("abgebucht" ≠ "Abbuchung", "beschweren" ≠ "Beschwerde"): both forms are listed.
 * Compounds are everyday German; the stemmer cuts a compound differently from its last word
 * ("Stromrechnung" → "stromrechn", "Rechnung" → "rechnung"), so common compounds are listed.
 * Every umlaut word also gets its "ae/oe/ue" spelling (SPELLING_VARIANTS in index.ts).
 */
export const LEXICON_DE: LanguageLexicon = {
  intents: {
    refund: {
      3: [
        'Rückerstattung', 'rückerstatt*', 'zurückerstatt*', 'Erstattung', 'erstatten', 'erstattet', 'Kostenerstattung', 'Rückzahlung', 'zurückzahlen', 'zurückgezahlt',
        'Geld zurück', 'Geld ~ zurück', 'Geld|Betrag ~ noch_nicht|nicht|nie ~ zurück|zurückerhalten|erstattet|zurückgebucht|gutgeschrieben', 'wann ~ bekomme|erhalte|wird|werde ~ Geld|Betrag|Erstattung|Gutschrift', 'Geld ~ zurückbekommen|zurückhaben|zurückerhalten|wiederhaben|zurückerstatten|zurücküberweisen', 'mein Geld', 'unser Geld', 'Kaufpreis ~ erstatten|zurück',
        'Rücksendung', 'Rücksendeetikett', 'Rücksendeschein', 'Rücksendenummer', 'Retoure', 'Retouren*', 'retournieren', 'retourniert', 'zurücksenden', 'zurückschicken', 'zurückgeschickt', 'zurückgesendet',
        'Rückgabe', 'zurückgeben', 'Umtausch', 'umtauschen', 'umgetauscht', 'Widerruf', 'widerrufen', 'Widerrufsrecht', 'Rückgaberecht', 'Refund', 'Rückbuchung', 'Gutschrift',
        'bei Ihnen ~ angekommen|eingegangen|zugestellt|eingetroffen', 'Eingang der Rücksendung', 'RMA', 'RMA-Nummer', 'Ersatzgerät', 'Ersatzlieferung', 'Austauschgerät', 'Austausch ~ Gerät|Artikel|Produkt', 'Geld-zurück-Garantie', 'Produktrückgabe', 'Rückgabe*', 'Erstattungs*', 'Rücksende*', 'Umtausch*', 'Rückerstattungsantrag',
      ],
      2: [
        'Reklamation', 'reklamieren', 'reklamiert', 'Ersatz', 'austauschen', 'Austausch', 'Garantiefall', 'Gewährleistung', 'beschädigt ~ angekommen|geliefert|erhalten',
        'falsche|falschen|falscher ~ Artikel|Größe|Farbe|Produkt|Modell', 'falsch geliefert', 'nicht bestellt', 'Entschädigung', 'Kulanz', 'gutschreiben', 'gutgeschrieben', 'zurückbuchen',
      ],
      1: ['defekt', 'kaputt', 'beschädigt', 'Garantie', 'Mangel', 'mangelhaft', 'zurück'],
    },
    shipping: {
      3: [
        'Lieferung', 'Versand', 'versendet', 'verschickt', 'Sendungsverfolgung', 'Sendungsnummer', 'Tracking-Nummer', 'Tracking-Link', 'Trackinglink', 'Tracking-ID', 'Trackingcode', 'Tracking-Code', 'Trackingnummer', 'Paketnummer',
        'nicht|nie|noch_nicht|immer_noch_nicht ~ angekommen|geliefert|zugestellt|eingetroffen|versandt|verschickt', 'nicht ~ zugestellt', 'ist ~ noch nicht da',
        'wo ~ bleibt|ist ~ meine|mein|unsere|die ~ Bestellung|Paket|Lieferung|Sendung', 'Lieferadresse', 'Lieferanschrift', 'Zustelladresse', 'Versandadresse',
        'Zustellung', 'Zusteller', 'Paketbote', 'Paketdienst', 'Paketshop', 'Packstation', 'Postfiliale',
        'Lieferdatum', 'Liefertermin', 'Lieferstatus', 'Lieferverzug', 'Lieferverzögerung', 'Versandstatus', 'Versandbestätigung', 'Bestellstatus', 'Status ~ Bestellung|Lieferung|Sendung',
        'Bestellung ~ stornieren|ändern|storniert', 'Auftrag stornieren', 'Spedition', 'Versandkosten', 'Päckchen',
        'noch nicht erhalten', 'Versand*', 'Sendungs*', 'Zustell*', 'Lieferprobleme', 'Lieferschwierigkeiten', 'Lieferengpass', 'nicht eingetroffen', 'verloren gegangen', 'Lieferschein', 'Bestellung|Auftrag|Lieferung ~ stornieren|storniert|zurückziehen', 'stornieren|storniere ~ Bestellung|Auftrag|Lieferung',
      ],
      2: [
        'Packet', 'Packete', 'Tracking', 'Lieferzeit', 'zugestellt', 'DHL', 'Hermes', 'DPD', 'GLS', 'UPS', 'FedEx', 'Deutsche Post', 'Bestellung|Auftrag|Bestellnummer <num>', 'geliefert', 'versandt', 'versenden', 'verschicken', 'angekommen', 'eingetroffen', 'Zollgebühren', 'Zollamt', 'beim Zoll', 'verzollt', 'Zollabfertigung', 'verspätet', 'Verspätung', 'Verzögerung',
        'Adresse ändern', 'Bestellnummer', 'unterwegs', 'Kurier', 'abholen', 'Abholung', 'Nachnahme', 'ausgeliefert', 'Paket', 'Pakete', 'Sendung', 
      ],
      1: ['stornieren', 'Stornierung', 'storniert', 'Zoll', 'Bestellung', 'bestellt', 'Auftrag', 'warten', 'warte', 'erhalten'],
    },
    billing: {
      3: [
        'Rechnung', '*rechnung', 'Rechnungs*', 'Stromrechnung', 'Gasrechnung', 'Handyrechnung', 'Telefonrechnung', 'Mobilfunkrechnung', 'Monatsrechnung', 'Jahresrechnung',
        'Schlussrechnung', 'Teilrechnung', 'Abschlagsrechnung', 'Sammelrechnung', 'Endrechnung', 'Gesamtrechnung', 'Korrekturrechnung', 'Proformarechnung', 'Stornorechnung', 'Folgerechnung',
        'Jahresabrechnung', 'Monatsabrechnung', 'Nebenkostenabrechnung', 'Endabrechnung', 'Schlussabrechnung', 'Abrechnung', 'abgerechnet', 'Invoice', 'Billing', 'Abbuchung', 'abgebucht', 'Abbuchungen', 'Lastschrift', 'Lastschriftmandat', 'Rücklastschrift',
        'doppelt|zweimal|mehrfach ~ abgebucht|berechnet|belastet|bezahlt|gezahlt', 'zu viel ~ berechnet|abgebucht|bezahlt', 'falsch ~ berechnet|abgerechnet', 'in Rechnung gestellt',
        'Zahlungsmethode', 'Zahlungsart', 'Zahlungsmittel', 'Zahlungsweise', 'Zahlungseingang', 'Zahlungsbestätigung', 'Zahlungserinnerung', 'Mahnung', 'Mahngebühr',
        'Zahlung ~ fehlgeschlagen|abgelehnt|nicht_möglich|funktioniert_nicht', 'Kreditkarte ~ abgelehnt|belastet', 'Karte ~ abgelehnt|belastet',
        'Quittung', 'Mehrwertsteuer', 'MwSt', 'Umsatzsteuer', 'USt', 'USt-IdNr', 'Steuernummer', 'Abonnementgebühr', 'Abogebühr', 'Monatsbeitrag', 'Jahresbeitrag', 'Beitrag abgebucht',
        'Preiserhöhung', 'Kündigungsgebühr', 'Bearbeitungsgebühr', 'Abo|Abonnement|Vertrag|Mitgliedschaft|Lizenz|Lizenzen ~ kündigen|gekündigt|stornieren|storniert|beenden|verlängert',
        'Zahlungs*', 'Abrechnungs*', 'Kreditkartenzahlung', 'Lizenzkosten', 'Kostenaufstellung', 'Gebührenordnung', 'unerwartete ~ Gebühren|Kosten|Abbuchungen|Belastungen', 'zusätzliche ~ Gebühren|Kosten',
      ],
      2: [
        'berechnet', 'Gebühr', 'Gebühren', 'Guthaben', 'Zahlung', 'Zahlungen', 'Überweisung', 'belastet', 'Belastung', 'bezahlen', 'zahlen', 'PayPal', 'Kreditkarte', 'Kreditkartenabrechnung', 'Beleg', 'Kontoauszug', 'Abo', 'Abonnement', 'Vertrag kündigen', 'kündigen', 'gekündigt', 'Kündigung',
        'Roaming', 'Roaming-Gebühren', 'Roamingkosten', 'Lizenzgebühr', 'Payment', 'Paypal', 'Klarna', 'Ratenzahlung', 'Vorkasse', 'überwiesen', 'SEPA', 'Verlängerung', 'verlängert', 'automatisch verlängert',
      ],
      1: ['Betrag', 'Beträge', 'Preis', 'Euro', 'EUR', 'Steuer', 'Karte', 'Vertrag', 'Kosten', 'bezahlt', 'gezahlt', 'Tarif'],
    },
    technical: {
      3: [
        'funktioniert ~ nicht', 'funktionieren ~ nicht', 'funktioniert nicht mehr', 'geht ~ nicht mehr', 'Fehlermeldung', 'Fehlercode', 'Verbindungsfehler', 'Serverfehler', 'Systemfehler', 'Programmfehler', 'Synchronisierungsfehler', 'Ladefehler', 'Bug', 'Bugs', 'Bugfix',
        'abgestürzt', 'stürzt ~ ab', 'Absturz', 'Abstürze', 'hängt sich auf', 'aufgehängt', 'friert ~ ein', 'eingefroren', 'lädt nicht', 'lädt ~ nicht mehr', 'startet nicht', 'startet ~ nicht mehr',
        'lässt sich ~ nicht ~ öffnen|starten|installieren|einschalten|laden|aktualisieren|synchronisieren|verbinden|speichern|hochladen|exportieren|importieren|drucken|aufrufen',
        'kann|können ~ nicht|kein|keine|keinen ~ öffnen|starten|installieren|laden|speichern|hochladen|herunterladen|exportieren|importieren|synchronisieren|verbinden|drucken|aufrufen|erzeugen|erstellen|generieren|anzeigen|abrufen|senden|versenden',
        'funktioniert es ~ nicht', 'unbekannter Fehler', 'Cache', 'Fehler beim',
        'Schnittstelle', 'API', 'API-Key', 'Endpoint', 'Webhook', 'Webhooks', 'Synchronisation', 'Synchronisierung', 'synchronisiert ~ nicht', 'Sync', 'Integration ~ funktioniert|fehlerhaft|abgebrochen',
        'Ausfall', 'ausgefallen', 'Störung', 'gestört', 'technisches Problem', 'technische Probleme', 'technischer Fehler', 'technische Störung',
        'nach|seit ~ Update|Upgrade|Softwareupdate|Release|Aktualisierung', '*update', 'Firmware', 'Softwarefehler', 'Timeout', 'Zeitüberschreitung', 'Verbindungsabbruch', 'keine Verbindung', 'Verbindungsprobleme',
        'Akku', 'Ladekabel', 'Netzteil', 'lädt ~ nicht ~ auf', 'Bildschirm ~ schwarz|dunkel|flackert', 'schwarzer|weißer Bildschirm', 'geht nicht an', 'schaltet sich ~ aus|ab', 'lässt sich nicht einschalten',
        'Datenverlust', 'Daten ~ verloren|weg|verschwunden', 'Ladezeit', 'Ladezeiten', 'Neuinstallation', 'Dashboard ~ lädt|leer|zeigt', 'Fehlfunktion', 'Wackelkontakt', 'Error', 'down', 'Bad Gateway', 'Internal Server Error', 'Service Unavailable', 'Webshop|Shop|Website|Webseite|Seite|Server|Portal|Plattform|App|System ~ down|offline|nicht_erreichbar|nicht_verfügbar|ausgefallen',
        'druckt ~ keine|kein|keinen|nicht', 'an ~ die|Ihre ~ Entwicklung|Entwickler|Techniker|Technik|IT ~ weitergeben|weiterleiten', 'Entwicklerteam', 'HTTP <num>', 'Fehler|Error|Fehlercode <num>', 'Systemabsturz', 'Programmabsturz', 'Softwareprobleme', 'Softwareproblem', 'Hardwareproblem', 'Hardwareprobleme', 'Hardwaredefekt',
        'Gerätedefekt', 'Netzwerkprobleme', 'Serverprobleme', 'Datenbankfehler', 'Konfigurationsfehler', 'Kompatibilitätsprobleme', 'Kompatibilitätsproblem', 'Leistungsprobleme', 'Performanceprobleme',
        'Integrationsprobleme', 'Integrationsproblem', 'Schnittstellenproblem', 'Schnittstellenprobleme', 'Synchronisationsprobleme', 'Ausfallzeit', 'Ausfallzeiten', 'Bluescreen', 'druckt nicht', 'crasht', 'gecrasht', 'Crash',
        'kompatibel', 'Kompatibilität', 'Datenübertragung', 'Datensynchronisation',
      ],
      2: [
        'Fehler', 'Problem|Probleme ~ mit ~ App|Software|Plattform|Anwendung|System|Programm|Tool|Gerät|Portal|Website|Seite|Webseite|Server',
        'Update', 'Upgrade auf', 'Software', 'Plattform', 'Anwendung', 'Programm', 'Gerät', 'Drucker', 'Browser', 'Chrome', 'Firefox', 'Safari', 'iOS', 'Android', 'Windows',
        'Integration', 'Import', 'Export', 'Upload', 'hochladen', 'Download', 'herunterladen', 'langsam', 'lädt', 'lädt ewig', 'Verbindung', 'verbindet', 'offline', 'Dashboard', 'Bericht|Berichte|Report|Reports ~ leer|falsch|fehlen',
        'neu ~ installiert|aufgesetzt|gestartet', 'deinstalliert', 'Workaround', 'geht nicht', 'Fehlerbild', 'reproduzierbar', 'reproduzieren', 'Tracking-Pixel', 'Trackingpixel', 'Pixel', 'Conversion-Tracking', 'Tag Manager', 'Roaming-Fehler', 'Server', 'Datenbank', 'Installation', 'installieren', 'Konfiguration', 'Display', 'WLAN', 'Bluetooth', 'Router', 'Treiber', 'Zertifikat', 'SSL',
        'reagiert nicht', 'Netzwerk', 'VPN', 'Firewall', 'Plugin', 'Patch', 'Neustart', 'neu gestartet', 'Werkseinstellungen', 'Ladegerät', 'defekt', 'kaputt', 'Reparatur', 'reparieren', 'konfigurieren', 'Skript', 'Code', 'Logs', 'Logfile',
      ],
      1: ['Version', 'Benachrichtigung', 'Benachrichtigungen', 'Push-Nachricht*', 'App', 'System', 'Website', 'Webseite', 'Seite', 'Portal', 'Daten', 'Funktion', 'Einstellungen', 'Handy', 'Smartphone', 'Laptop', 'Computer', 'Rechner', 'Tool', 'Link', 'Fehlerbehebung', 'Performance', 'Technik', 'Conversions', 'Reporting', 'Einrichtung', 'einrichten'],
    },
    account: {
      3: [
        'Login', 'Log-in', 'Logins', 'einloggen', 'eingeloggt', 'ausgeloggt', 'Anmeldung ~ nicht|fehlgeschlagen|funktioniert', 'kann ~ mich ~ nicht ~ anmelden|einloggen', 'nicht ~ anmelden|einloggen', 'komme ~ nicht ~ mehr? ~ rein', 'komme ~ nicht ~ mehr? ~ in ~ mein|meinen ~ Konto|Account|Zugang|Profil',
        'Passwort', 'Passwörter', 'Kennwort', 'Passwort ~ vergessen|zurücksetzen|ändern', 'Benutzername', 'Nutzername', 'Benutzerkonto', 'Kundenkonto', 'Nutzerkonto', 'Benutzerprofil', 'Kundenprofil',
        'Konto|Account|Zugang ~ gesperrt|blockiert|deaktiviert|gehackt|löschen|gelöscht|erstellen|anlegen|eröffnen|schließen|zusammenführen|kündigen',
        'Zwei-Faktor*', '2FA', 'MFA', 'Authentifizierung', 'Authenticator', 'Bestätigungscode', 'Verifizierungscode', 'Sicherheitscode', 'Einmalcode', 'Aktivierungslink', 'Bestätigungslink',
        'Zugangsdaten', 'Anmeldedaten', 'Logindaten', 'Single Sign-On', 'SSO', 'Account', 'Accounts', 'Anmeldefehler',
        'E-Mail-Adresse ~ ändern|aktualisieren', 'Mailadresse ändern', 'Benutzer ~ anlegen|hinzufügen|entfernen|einladen', 'Nutzer ~ anlegen|hinzufügen|entfernen|einladen', 'Zugriffsrechte', 'SAML', 'Azure AD', 'Active Directory', 'LDAP', 'Okta', 'Anmeldeprobleme', 'Anmeldeproblem', 'Login-Probleme', 'Loginprobleme', 'Zugangsprobleme', 'Zugriffsprobleme', 'Kontosperrung', 'Passwortrücksetzung', 'Passwortänderung', 'Authentifizierungsprobleme',
      ],
      2: ['Benutzerverwaltung', 'Benutzerrechte', 'Kontoeinstellungen', 'Konto', 'Registrierung', 'registrieren', 'registriert', 'Berechtigungen', 'anmelden', 'Anmeldung', 'abmelden', 'Zugang', 'Zugriff', 'zugreifen', 'Profil', 'gesperrt', 'entsperren', 'freischalten', 'Freischaltung', 'Benutzer', 'Nutzer', 'Admin', 'Administrator', 'Rolle', 'Rechte', 'PIN'],
      1: ['Mitglied', 'Mitgliedschaft', 'E-Mail-Adresse', 'Daten ändern'],
    },
    sales: {
      3: [
        'Angebot ~ anfordern|einholen|erhalten|erstellen|zusenden|unterbreiten|machen|schicken|senden|benötigt|benötigen|brauchen|zukommen', 'zur Miete', 'mieten', 'Angebot für', 'Kostenvoranschlag', 'Preisanfrage', 'Preisliste', 'Preisübersicht', 'Preismodell', 'Preisstaffel',
        'was kostet', 'was kosten', 'wie viel kostet', 'wieviel kostet', 'Kosten für', 'Demo', 'Produktdemo', 'Demotermin', 'Testversion', 'Testzugang', 'kostenlos testen', 'Trial',
        'Mengenrabatt', 'Staffelpreise', 'Großbestellung', 'Sammelbestellung', 'Großkunde', 'Volumenlizenz', 'Lizenzen ~ erwerben|kaufen', 'Wiederverkäufer', 'Reseller', 'Vertriebspartner', 'Händlerkonditionen',
        'Partnerschaft', 'Vertriebsteam', 'Account Manager', 'Account-Manager', 'auf ~ Professional|Premium|Pro|Business|Enterprise|Plus ~ wechseln|umsteigen|upgraden', 'Tarif ~ wechseln|upgraden', 'was würde|würden ~ kosten',
        'wieder ~ verfügbar|erhältlich|lieferbar|vorrätig|auf_Lager', 'gibt es|gibts ~ auch ~ in|als|mit', 'auch|wieder|noch ~ in ~ rot|blau|grün|schwarz|weiß|grau|gelb|rosa|pink|beige|braun|Größe', 'Ausschreibung', 'Rahmenvertrag', 'Interesse an', 'interessiert an', 'interessieren uns für', 'kaufen möchten', 'möchte ~ kaufen|bestellen|erwerben',
        'möchten ~ kaufen|bestellen|erwerben|einsetzen', 'vor dem Kauf', 'Kaufberatung', 'auf Lager', 'vorrätig', 'wieder verfügbar', 'Enterprise-Tarif', 'Enterprise-Plan',
        'Informationen ~ zu|über ~ Ihren|Ihre|Ihrem|Ihrer ~ Dienstleistungen|Produkte|Produkten|Lösungen|Paketen|Paket|Angeboten|Tarifen|Preisen|Lizenzen|Lizenzmodellen', 'mehr ~ über ~ Ihre ~ Dienstleistungen|Produkte|Lösungen ~ erfahren', 'Premium-Paket', 'Business-Paket', 'Basis-Paket', 'Pro-Paket', 'pro Stück', 'Stückpreis', 'Preis pro', 'mit ~ unserem|eigenem ~ Logo|Firmenlogo|Aufdruck', 'Upgrade ~ auf ~ Premium|Pro|Business|Enterprise', 'Tarifwechsel', 'Unternehmenslizenz', 'Pricing', 'Quote', 'Preisinformationen', 'Preisgestaltung', 'Produktanfrage', 'Kaufinteresse', 'Vorführung', 'Sonderkonditionen', 'Lizenzmodell*', 'Tarifoptionen',
      ],
      2: [
        '*rabatt', 'Produktinformationen', 'Funktionsumfang', 'Beratungsgespräch', 'Preise', 'Testphase', 'Verfügbarkeit', 'lieferbar', 'Kooperation', 'Rabatt', 'Ausschreibung', 'Nachlass', 'Konditionen', 'Lizenz', 'Lizenzen', 'Upgrade', 'upgraden', 'kaufen', 'erwerben', 'Kauf', 'Anschaffung', 'bestellen', 'Bestellung aufgeben',
        'Tarife', 'Pakete', 'Enterprise', 'Beratung', 'Händler', 'Großhandel', 'Muster', 'Probe', 'Katalog', 'Broschüre', 'verfügbar', 'Neukunde', 'Sales', 'Gutschein', 'Rabattcode', 'Aktion',
      ],
      1: ['Preis', 'Produkt', 'Produkte', 'Modell', 'Unternehmen', 'Firma', 'Mitarbeiter', 'Plan', 'Angebot', 'Vertrieb', 'Tarif'],
    },
    complaint: {
      3: [
        'Beschwerde', 'beschweren', 'beschwere', 'beschwert', 'Dienstaufsichtsbeschwerde', 'schlechter|miserabler|katastrophaler|unterirdischer ~ Service|Kundenservice|Kundendienst|Support',
        'Service|Kundenservice|Kundendienst|Support ~ ist ~ schlecht|katastrophal|miserabel|unterirdisch|eine_Katastrophe', 'unfreundlich', 'unhöflich', 'unprofessionell', 'respektlos',
        'dritte|vierte|fünfte|x-te ~ Mail|E-Mail|Nachricht|Anfrage|Anruf', 'Hotline|Chat|Telefon ~ nicht_erreichbar|besetzt|nimmt_niemand_ab', 'ohne ~ jede|eine ~ Antwort|Reaktion|Rückmeldung',
        'ich erwarte ~ eine ~ Erklärung|Entschuldigung|Stellungnahme', 'Termin ~ nicht ~ eingehalten|wahrgenommen', 'nicht erschienen', 'nicht gekommen', 'niemand|keiner ~ hat ~ abgesagt|Bescheid_gegeben|informiert', 'ist ~ überhaupt ~ jemand ~ erreichbar|da', 'das ist kein Service', 'so geht man nicht mit Kunden um', 'nie ~ jemand ~ geantwortet|gemeldet|reagiert|zurückgerufen', 'niemand|keiner ~ geantwortet|gemeldet|reagiert|zurückgerufen',
        'antwortet|reagiert|meldet ~ niemand|keiner', 'Service|Kundenservice|Support ~ schlechter_geworden|nachgelassen',
      ],
      2: [
        'niemand|keiner ~ antwortet|meldet|reagiert|hilft|ruft', 'schlechter geworden', 'keine Antwort', 'keine Rückmeldung', 'keine Reaktion ~ auf', 'Unzufriedenheit', 'Warteschleife', 'ewig ~ gewartet|warten',
        'nicht zufrieden', 'unzufrieden', 'enttäuscht', 'Enttäuschung', 'Vorgesetzten', 'Geschäftsleitung', 'Geschäftsführung', 'Kundenservice', 'Kundendienst', 'Ihr Support', 'Hotline', 'Mitarbeiterin',
      ],
      1: [
        'Unverschämtheit', 'Zumutung', 'Frechheit', 'unzumutbar', 'inakzeptabel', 'nicht akzeptabel', 'unverschämt', 'katastrophal', 'miserabel', 'unterirdisch', 'ärgerlich', 'verärgert',
        'mehrfach|mehrmals|wiederholt|zigmal|dreimal|x-mal ~ geschrieben|angerufen|kontaktiert|nachgefragt|gemeldet', 'immer wieder', 'Mitarbeiter', 'leider',
      ],
    },
    feedback: {
      3: [
        'Verbesserungsvorschlag', 'Verbesserungsvorschläge', 'Anregung', 'Anregungen', 'Feature-Wunsch', 'Funktionswunsch', 'Feature Request', 'Featurewunsch',
        'es wäre ~ praktisch|wünschenswert|klasse', 'wäre ~ wünschenswert', 'ich würde mir wünschen', 'wir würden uns wünschen', 'wenn man ~ auch|direkt|zusätzlich ~ könnte', 'Funktion ~ hinzufügen|ergänzen|einbauen',
        'Lob', 'loben', 'großes Lob', 'Kompliment', 'weiter so', 'begeistert', 'sehr zufrieden', 'super zufrieden', 'rundum zufrieden', 'toller|super|hervorragender|ausgezeichneter|großartiger ~ Service|Support|Kundenservice|Job|Arbeit',
        'Bewertung ~ abgeben|hinterlassen', 'Erfahrungsbericht', 'Umfrage', 'Produktfeedback', 'Funktionserweiterung', 'schnelle|superschnelle|blitzschnelle|super_schnelle|reibungslose ~ Lieferung|Versand|Abwicklung|Bearbeitung|Antwort|Hilfe', 'gerne wieder', 'jederzeit wieder',
        'tolle|super|top|beste|hervorragende|erstklassige ~ Qualität|Beratung|Ware', 'gefällt|gefallen ~ mir|uns ~ sehr|super|richtig|wirklich ~ gut', 'Dank|Dankeschön|Lob ~ ausrichten|weitergeben|aussprechen', 'großes Dankeschön', 'möchte|wollte|will ~ mich ~ bedanken|herzlich_bedanken|ausdrücklich_bedanken', 'super|toll|großartig|hervorragend|klasse|kompetent ~ geholfen|beraten|unterstützt', 'wirklich|einfach ~ klasse|toll|super|spitze',
      ],
      2: ['wollte ~ nur|einfach|mal ~ sagen', 'gefällt mir', 'gefällt uns', 'könnten|können ~ Sie|ihr ~ noch? ~ ergänzen|hinzufügen|einbauen|nachrüsten', 'geduldig', 'kompetent', 'Feedback', 'es wäre ~ schön|toll|super|hilfreich|prima|sinnvoll', 'wünsche mir', 'wünschen uns', 'Vorschlag', 'Idee', 'Ideen', 'Verbesserung', 'verbessern', 'hervorragend', 'ausgezeichnet', 'großartig', 'exzellent', 'klasse', 'spitze', 'zufrieden', 'empfehlen', 'weiterempfehlen'],
      1: ['hilfreich', 'freundlich', 'toll', 'perfekt', 'Meinung', 'Anmerkung', 'Hinweis', 'Wunsch'],
    },
  },
  context: [
    // Politeness formulas: they close every kind of mail, angry ones too.
    'vielen|herzlichen|besten|recht_herzlichen|tausend ~ Dank ~ im_Voraus|vorab|vorweg', 'danke ~ im Voraus|vorab', 'bedanke|bedanken ~ mich|uns? ~ im_Voraus|vorab|schon_jetzt', 'bedanke mich für ~ Ihre ~ Hilfe|Unterstützung|Mühe|Antwort|Rückmeldung', 'vielen|herzlichen|besten ~ Dank', 'danke schön|sehr', 'dankeschön',
    'vielen Dank für ~ Ihre|eure|deine|die ~ Hilfe|Unterstützung|Mühe|Rückmeldung|Antwort|Geduld|Verständnis|Zeit|Bemühungen|Nachricht|Mail|E-Mail|Bearbeitung',
    'danke für ~ Ihre|eure|deine|die ~ Hilfe|Unterstützung|Mühe|Rückmeldung|Antwort|Geduld|Verständnis|Zeit|Bemühungen|Nachricht|Mail|E-Mail|Bearbeitung', 'ich danke Ihnen|euch',
    'mit freundlichen Grüßen', 'freundliche|beste|viele|liebe|herzliche Grüße', 'MfG', 'LG', 'Sehr geehrte Damen und Herren', 'Sehr_geehrtes|Sehr_geehrte|Liebes|Liebe|Hallo|Guten_Tag ~ Team|Support*|Kundenservice*|Kundendienst*|Service*',
    'ich freue mich auf Ihre|eine ~ Antwort|Rückmeldung|Feedback', 'auf ~ Ihr|Ihre|euer|eure|dein|deine ~ Feedback|Rückmeldung|Antwort', 'Ihr Feedback', 'ich bitte um ~ Rückmeldung|Antwort', 'über eine ~ Rückmeldung|Antwort ~ würde|freue', 'für Rückfragen stehe ich', 'bei Fragen|Rückfragen',
    'Ich hoffe, Sie können mir helfen', 'können Sie mir helfen', 'ich bitte um Hilfe', 'Hilfe wäre super',
    // Bank details are not a login account; the marketing "Anzeige" is not a police report.
    'Kontonummer', 'Bankkonto', 'Bankverbindung', 'Girokonto', 'Kontoinhaber', 'Kontodaten', 'IBAN', 'BIC', 'auf|an mein|meinem|unser|unserem|das|dem|Ihr|Ihrem Konto', 'Konto überwiesen|gutgeschrieben', 'folgendes Konto', 'folgende Bankverbindung', 'anderes Konto', 'Konto ~ aufgelöst',
    'Google Anzeige*', 'Anzeigenkampagne', 'Werbeanzeige*', 'Anzeige ~ schalten|geschaltet',
    // "um zu bestellen" in a sentence is not an order; "im Rahmen" is not a frame.
    'auf|in ~ der|Ihrer|eurer|deiner ~ Webseite|Website|Homepage|Internetseite|Seite', 'Postanschrift', 'Ihre Anschrift', 'Firmenanschrift', 'welche Adresse',
    'haben|hätten|habt|hättet ~ Sie|ihr ~ eine ~ Idee', 'keine Idee', 'eine Idee, woran|warum|wieso', 'in Ordnung', 'in der Regel', 'im Rahmen', 'im Anhang', 'in der Anlage', 'anbei', 'zur Info', 'Lieferant ~ für', 'sollte ich',
  ],
  tone: {
    urgency: [
      'dringend', 'dringende', 'sehr dringend', 'dringlich', 'eilig', 'Eilt', 'eilt sehr', 'umgehend', 'schnellstmöglich', 'schnellstens', 'so schnell wie möglich', 'asap', 'bitte ~ sofort', 'sofort ~ beheben|erledigen|lösen|zurückerstatten|helfen|melden|kümmern|reagieren', 'unverzüglich',
      'zeitkritisch', 'höchste Priorität', 'hohe Priorität', 'Priorität hoch', 'Notfall', 'bis ~ heute|morgen|spätestens', 'heute noch', 'noch heute', 'bis Ende ~ des Tages|der Woche', 'Frist ~ läuft|endet',
      'Deadline', 'Termin ~ morgen|heute', 'morgen früh', 'kann ~ nicht ~ arbeiten|weiterarbeiten', 'können ~ nicht ~ arbeiten|weiterarbeiten', 'blockiert uns', 'ich bin blockiert', 'wir sind blockiert',
      'Kunden warten', 'Ablauf der Frist', 'urgent', 'kann ~ gar nichts ~ machen|tun', 'bitte um ~ schnelle|rasche|sofortige ~ Hilfe', 'ganzen Tag ~ nicht',
    ],
    critical: [
      'Ausfall', 'Totalausfall', 'Systemausfall', 'Serverausfall', 'Komplettausfall', 'komplett|vollständig|total|alle ~ ausgefallen', 'Produktionssystem', 'Produktivsystem', 'Produktion steht', 'Produktion ~ steht ~ still',
      'System steht', 'alle|allen ~ Filialen|Standorten|Standorte|Niederlassungen|Märkten|Geschäften|Kassen|Werken|Werke', 'steht ~ still', 'stehen ~ still', 'Stillstand', 'kann|können ~ niemand', 'keiner|niemand ~ unserer ~ Mitarbeiter|Kollegen|Nutzer|Kunden|User', 'geht gar nichts mehr', 'nichts geht mehr', 'geht nichts mehr', 'alle ~ Nutzer|Benutzer|Kunden|Mitarbeiter|Kollegen|User ~ betroffen',
      'niemand|keiner ~ kann ~ sich ~ anmelden|einloggen|arbeiten', 'gesamte|ganze ~ Team|Firma|Unternehmen|Abteilung ~ kann ~ nicht',
      'Server|Website|Webseite|Seite|Plattform|System|Portal|API|Dienst|Shop|Anwendung|Systeme|Dienste ~ nicht_erreichbar|ausgefallen|down|offline|nicht_verfügbar', 'ist ~ down', 'sind ~ down', 'Downtime', 'seit ~ offline',
      'Datenleck', 'Datenpanne', 'Datenschutzverletzung', 'Datenschutzvorfall', 'Sicherheitsvorfall', 'Sicherheitslücke', 'Sicherheitsproblem', 'gehackt', 'Hackerangriff', 'Hacker', 'Cyberangriff',
      'unbefugter|unberechtigter|unautorisierter ~ Zugriff|Zugang', 'unbefugt', 'nicht autorisiert*', 'nicht von mir ~ autorisiert|veranlasst|getätigt', 'nicht_selbst|nicht_von_mir|nicht_ich ~ ausgelöst|getätigt|bestellt|veranlasst|vorgenommen|durchgeführt',
      'ohne mein Wissen', 'ohne meine Zustimmung', 'fremde ~ Bestellungen|Zugriffe|Anmeldungen|Logins|Abbuchungen|Geräte|Transaktionen', 'Karte ~ sperren_lassen|gesperrt', 'Phishing', 'Ransomware', 'Malware', 'kompromittiert', 'Identitätsdiebstahl',
      'Datenverlust', 'Daten ~ verloren|gelöscht', 'verlieren ~ Umsatz|Kunden|Aufträge|Geld', 'Umsatzausfall', 'Umsatzverlust', 'betrügerische', 'Betrugsverdacht', 'Kreditkartenbetrug', 'Kontobetrug', 'Zahlungsbetrug', 'Onlinebetrug', 'die ich nicht ~ getätigt|veranlasst|autorisiert|bestellt', 'Datenabfluss', 'breach', 'outage',
    ],
    calm: [
      'nicht dringend', 'nicht so dringend', 'nicht besonders dringend', 'nicht sehr dringend', 'nichts Dringendes', 'nicht eilig', 'eilt nicht', 'eilt aber nicht', 'es eilt nicht', 'keine Eile', 'ohne Eile', 'hat keine Eile',
      'nicht zeitkritisch', 'kein Notfall', 'keine hohe Priorität', 'kein Stress', 'kein Zeitdruck', 'ganz in Ruhe', 'in aller Ruhe', 'hat keine Eile', 'hat Zeit bis nächste Woche', 'wann immer Sie Zeit haben', 'wenn Sie Zeit haben|finden',
      'bei Gelegenheit', 'muss nicht sofort', 'no rush', 'not urgent',
    ],
    minor: [
      'Verbesserungsvorschlag', 'ein Vorschlag', 'mein Vorschlag', 'Anregung', 'eine Idee für|zur', 'meine Idee', 'kleine Idee', 'Idee ~ gekommen', 'hätte ~ eine ~ Idee|Anregung', 'Feature-Wunsch', 'Funktionswunsch', 'Feature Request', 'es wäre ~ praktisch|klasse|wünschenswert', 'wenn man ~ auch|direkt|zusätzlich ~ könnte',
      'wünschenswert', 'würde mir wünschen', 'würden uns wünschen', 'zukünftige Version', 'künftigen Version', 'Roadmap', 'aus Neugier', 'interessehalber', 'mich würde interessieren',
      'allgemeine Frage', 'neugierig', 'Lob', 'Kompliment', 'weiter so', 'großes Lob', 'großes Dankeschön', 'Dank|Dankeschön|Lob ~ ausrichten|weitergeben|aussprechen', 'wirklich|einfach ~ klasse|spitze', 'gerne wieder', 'jederzeit wieder', 'gefällt|gefallen ~ mir|uns ~ sehr|super|richtig|wirklich ~ gut', 'könnten|können ~ Sie|ihr ~ noch? ~ ergänzen|hinzufügen|einbauen|nachrüsten', 'nur zur Info',
    ],
    legalThreat: [
      'Anwalt', 'Rechtsanwalt', 'Anwältin', 'Anwalts*', 'anwaltlich*', 'meine|unsere ~ Rechtsabteilung', 'rechtliche Schritte', 'rechtlichen Schritten', 'rechtliche Konsequenzen', 'juristisch*',
      'vor Gericht', 'gerichtliche|gerichtlichen ~ Schritte|Schritten|Verfahren|Klärung|Weg', 'gerichtlich ~ vorgehen|durchsetzen|klären|geltend|einklagen', 'Klage', 'verklagen', 'Verbraucherzentrale', 'Verbraucherschutz', 'Schlichtungsstelle', 'Schlichtung', 'Strafanzeige', 'Anzeige erstatten', 'Anzeige ~ bei ~ der ~ Polizei',
      'Polizei', 'BaFin', 'Datenschutzbehörde', 'Bundesnetzagentur', 'Aufsichtsbehörde', 'Chargeback', 'Rückbuchung ~ veranlassen|einleiten', 'Schadensersatz', 'DSGVO-Beschwerde',
    ],
    publicThreat: [
      'schlechte|negative|vernichtende ~ Bewertung|Bewertungen|Rezension', 'Trustpilot', 'Google-Bewertung', 'Google Bewertung', 'Bewertungsportal',
      'in_den_sozialen_Medien|auf_Social_Media|auf_Facebook|auf_Twitter|auf_Instagram|auf_LinkedIn|auf_TikTok|auf_YouTube ~ posten|veröffentlichen|teilen|berichten|schreiben|öffentlich|warnen',
      'posten|veröffentlichen|teilen|berichten ~ in_den_sozialen_Medien|auf_Social_Media|auf_Facebook|auf_Twitter|auf_Instagram|auf_LinkedIn',
      'öffentlich machen', 'an die Öffentlichkeit', 'an die Presse', 'Presse ~ informieren|einschalten|kontaktieren', 'Medien ~ informieren|einschalten', 'an die Zeitung',
      'ein Stern', '1 Stern', 'einen Stern', 'alle warnen', 'andere warnen', 'Freunde warnen', 'in Foren', 'Verbraucherportal',
    ],
    anger: {
      3: [
        'Unverschämtheit', 'Frechheit', 'Zumutung', 'Skandal', 'skandalös', 'zum dritten|vierten|fünften|x-ten|wiederholten|letzten ~ Mal', 'das ~ dritte|vierte|fünfte|x-te ~ Mal', 'noch nie ~ erlebt', 'noch nie so', 'die ~ dritte|vierte|fünfte|x-te ~ Mail|E-Mail|Nachricht|Anfrage', 'mir reicht*', 'es reicht', 'stinksauer',
        'inakzeptabel', 'nie wieder', 'nicht akzeptabel', 'unfassbar', 'ist das Letzte', 'so geht man nicht mit Kunden um',
      ],
      2: [
        'verärgert', 'sauer', 'wütend', 'empört', 'enttäuscht', 'unverschämt', 'katastrophal', 'lächerlich', 'unzumutbar', 'miserabel', 'unterirdisch',
        'keine Antwort erhalten', 'keine Antwort ~ bekommen|erhalten', 'trotz ~ Nachfragen|Nachfrage|Erinnerung|Erinnerungen|mehrfacher|mehrerer|zwei|drei', 'das ist kein Service', 'ignoriert', 'mehrfach|mehrmals|wiederholt|zigmal|dreimal ~ geschrieben|angerufen|kontaktiert|nachgefragt', 'immer noch keine',
        'Ärger', 'nicht zufrieden', 'unzufrieden',
      ],
      1: ['niemand|keiner ~ antwortet|meldet|reagiert', 'antwortet|reagiert|meldet ~ niemand|keiner', 'nie ~ jemand ~ geantwortet|gemeldet|reagiert', 'ärgerlich', 'frustrierend', 'frustriert', 'leider immer noch', 'Beschwerde', 'respektlos', 'noch immer', 'schon wieder', 'ständig', 'unmöglich', 'unglaublich'],
    },
    insult: {
      2: [
        'Betrüger', 'Betrug', 'Abzocke', 'Abzocker', 'abgezockt', 'Saftladen', 'Drecksladen', 'Idiot*', 'inkompetent', 'Inkompetenz', 'unfähig', 'Scheiß*', 'scheiße', 'Verarsche', 'verarschen',
        'verarscht', 'Lachnummer', 'Witz', 'Schrott', 'Müll', 'Halsabschneider', 'Gauner', 'Dilettanten', 'dilettantisch',
      ],
      1: ['verdammt', 'Mist', 'Mistding'],
    },
    positive: {
      2: [
        'großartig', 'hervorragend', 'ausgezeichnet', 'exzellent', 'begeistert', 'fantastisch', 'sehr zufrieden', 'super zufrieden', 'toller|super|großartiger|hervorragender ~ Service|Support|Job|Arbeit',
        'Lob', 'Kompliment', 'weiter so', 'perfekt', 'klasse', 'spitze', 'großen Dank', 'sehr hilfreich', 'super schnell', 'vielen herzlichen Dank für ~ die ~ schnelle|tolle|großartige',
      ],
      1: ['danke', 'toll', 'super', 'zufrieden', 'hilfreich', 'freundlich', 'prima'],
    },
  },
};
