/**
 * What mass mailings, notifications and bounce or complaint reports say in their
 * own text, in the languages they are sent in. Matched on the sender's own part of
 * the mail (quoted and forwarded earlier mail removed), so a person who forwards a
 * newsletter with a question is not taken for the newsletter.
 */
import { words } from './patterns.js';

export const VIEW_IN_BROWSER = words(
  [
    String.raw`\b(view|read|open|see|display)( this| the)?( (e-?mail|email|message|newsletter|mailing))? (in|on) ((your|a|the) )?(web )?browser\b`,
    String.raw`\b(having trouble|problems?|trouble) (viewing|reading|displaying) (this|the) (e-?mail|message|newsletter)`,
    String.raw`\b(view|read|see) (the |this )?(online|web) version\b|\bweb version\b|\bonline version\b`,
    String.raw`\b(im|in ihrem|in deinem) (web)?browser (ansehen|anzeigen|öffnen|lesen)|\bonline(-| )ansicht\b|\bwird (diese|die) (e-mail|nachricht|newsletter) nicht (richtig|korrekt) angezeigt`,
    String.raw`\b(voir|afficher|consulter) (la version en ligne|dans (votre|le) navigateur|ce (message|mail|courriel) dans)|\bversion en ligne\b|\bversion web\b`,
    String.raw`\b(ver|abrir|visualizar) (este (correo|mensaje|e-?mail) )?en (el|tu|su) navegador|\bversión (web|online|en línea)\b`,
    String.raw`\b(visualizza|apri|leggi) (questa (e-?mail|newsletter) )?nel (tuo )?browser|\bversione (web|online)\b`,
    String.raw`\b(ver|visualizar|abrir) (este (e-?mail|email) )?no (seu )?navegador|\bversão (web|online)\b`,
    String.raw`\b(bekijk|open|lees) (deze (e-?mail|nieuwsbrief|mail) )?in (je|uw|de) browser|\bwebversie\b|\bonlineversie\b`,
    String.raw`\b(visa|öppna) (i|i din) webbläsare|\bse (nyhetsbrevet|mejlet) i webbläsaren|\bvis i nettleser|\bvis i browser`,
    String.raw`\b(zobacz|otwórz|wyświetl) (w|wiadomość w) przeglądarce|\bwersja online\b|\bzobrazit v prohlížeči|\btarayıcıda (görüntüle|aç)`,
    String.raw`(открыть|посмотреть|просмотреть) (письмо )?в браузере|веб-версия письма|не отображается письмо`,
    String.raw`(ブラウザ|ウェブ|Web)(版)?で(表示|見る|閲覧|ご覧)|メールが正しく表示されない`,
    String.raw`(在浏览器中查看|在瀏覽器中查看|浏览器中打开|瀏覽器中開啟|查看网页版|查看網頁版|邮件无法正常显示|郵件無法正常顯示)`,
    String.raw`(웹에서 보기|브라우저에서 보기|웹 브라우저에서 보기|메일이 잘 보이지 않으면)`,
  ].join('|'),
);

/** The footer a mass mailing carries: an instruction to unsubscribe, or why the reader receives it. */
export const UNSUBSCRIBE_FOOTER = words(
  [
    String.raw`\b(click|tap) here to (unsubscribe|opt[- ]out)\b|\bto (unsubscribe|opt[- ]out|stop receiving (these|this|our) (e-?mails|messages|newsletters?))[,:]? (click|visit|go|use|follow|reply|please click|simply click|update)`,
    String.raw`\bunsubscribe (here|now|from (this|our|these|all) (list|mailing|e-?mails|newsletter|communications))\b|\b(instant|one[- ]click) unsubscribe\b`,
    String.raw`\byou (are receiving|received|have received|receive) this (e-?mail|email|message|newsletter|mailing)( because| as| since)`,
    String.raw`\bif you (no longer|do not|don't|would rather not) (wish|want|like) to (receive|get|hear from us)\b|\b(reply|respond|write back|answer) (to this (e-?mail|message) )?with (the word |the subject )?["'“]?(unsubscribe|remove|stop|cancel)\b|\bto be removed from (our|this|the|future) (mailing |distribution )?(list|mailings)\b`,
    String.raw`\b(wenn|falls) sie (diese|unsere|keine weiteren)\b[^.\n]{0,40}\b(nicht mehr|keine) (erhalten|bekommen) (möchten|wollen)|\bantworten sie (bitte )?mit\b[^.\n]{0,20}\b(abmelden|abbestellen|austragen)|\bsi vous ne (souhaitez|voulez|désirez) plus recevoir\b|\bsi (no|ya no) (desea|deseas|quiere|quieres) (seguir )?recibir\b`,
    String.raw`\bse non (desidera|desideri|vuole|vuoi) più ricevere\b|\b(caso|se) (não|nao) (deseje|queira|desejar|quiser) (mais )?receber\b|\b(als|indien) (u|je) (deze|onze)\b[^.\n]{0,40}\bniet (meer|langer) (wilt|wenst) ontvangen|\bjeśli nie chcesz (już )?otrzymywać\b|\bom du inte (längre )?vill (få|ta emot)\b|\balmak istemiyorsanız\b`,
    String.raw`(если вы (больше )?не хотите получать|чтобы отписаться,? (ответьте|отправьте)|配信を希望されない|配信不要の方は|如果您不想再收到|若不想再收到|αν δεν επιθυμείτε να λαμβάνετε|ако не желаете да получавате)`,
    String.raw`\b(pokud si nepřejete dostávat|ak si neželáte dostávať|ha nem (szeretne|kíván) (több|további)|dacă nu mai doriți să primiți|ako ne želite (više )?primati|če ne želite več prejemati)\b`,
    String.raw`\b(update|manage|change) (your )?(e-?mail |subscription |communication |mailing )?(preferences|subscriptions?|settings)\b[^.\n]{0,40}\b(unsubscribe|here|below|at any time)|\bunsubscribe\b[^.\n]{0,40}\b(update|manage) (your )?(e-?mail )?preferences`,
    String.raw`\b(newsletter|e-mail|e-mails|benachrichtigungen) (abbestellen|abmelden)\b|\b(hier|jederzeit) (abmelden|abbestellen)\b|\bsie erhalten (diese|diesen) (e-mail|newsletter|nachricht),? (weil|da)\b|\bum (sich )?(vom|von unserem) newsletter abzumelden`,
    String.raw`\b(se désinscrire|se desinscrire|désabonnez-vous|cliquez ici pour vous désinscrire|pour vous désabonner|lien de désinscription)|\bvous recevez (cet|ce) (e-?mail|email|message|courriel),? (car|parce que)`,
    String.raw`\b(darse de baja|date de baja|cancelar (la |tu |su )?suscripción|anular (la )?suscripción)\b|\b(recibes|recibe|has recibido) este (correo|mensaje|e-?mail),? (porque|ya que)`,
    String.raw`\b(disiscriviti|cancella (la tua |l')?iscrizione|annulla l'iscrizione)\b|\b(ricevi|hai ricevuto) questa (e-?mail|mail|newsletter) (perché|in quanto)`,
    String.raw`\b(descadastre-se|cancelar (a )?(sua )?inscrição|cancelar subscrição|remover (o )?(seu )?e-?mail da lista)\b|\bvocê (está recebendo|recebeu) este (e-?mail|email)`,
    String.raw`\b(afmelden|uitschrijven)\b[^.\n]{0,30}\b(nieuwsbrief|mailing|hier|klik)|\bje ontvangt deze (e-?mail|nieuwsbrief|mail) (omdat|omdat je)|\bu ontvangt deze (e-?mail|nieuwsbrief)`,
    String.raw`\b(avregistrera|avsluta prenumeration|avprenumerera|avslutt abonnement|afmeld nyhedsbrev|wypisz się|zrezygnuj z subskrypcji|odhlásit odběr|abonelikten çık)`,
    String.raw`(отписаться от рассылки|отказаться от рассылки|вы получили это письмо,? (так как|потому что)|отписаться можно)`,
    String.raw`(配信停止|配信解除|メール配信の停止|配信を停止|購読を解除|登録解除はこちら)`,
    String.raw`(退订|取消订阅|退訂|取消訂閱|如不希望再收到|如不想再收到)`,
    String.raw`(수신거부|수신 거부|구독 취소|구독취소|수신을 원하지 않으시면)`,
  ].join('|'),
);

/** A footer line of a mass mailing: a bare "Unsubscribe" link beside others, or the sender's copyright line. */
export const FOOTER_LINE = words(
  [
    String.raw`^\s*[\[(<]?\s*(unsubscribe|opt out|abmelden|abbestellen|désinscription|se désinscrire|désabonnement|darse de baja|darte de baja|baja de la lista|disiscriviti|cancella iscrizione|afmelden|uitschrijven|descadastrar|cancelar inscrição|avregistrera|avsluta prenumeration|wypisz się|odhlásit se|отписаться|配信停止|配信解除|退订|取消订阅|수신거부)\b\s*[\])>]?\s*(:?\s*https?://[^\s]+|[|·•][^\n]{0,80})?\s*$`,
    String.raw`^\s*[\[(<]?\s*(view (it )?online|web version|update (your )?preferences|manage preferences|privacy policy|datenschutz(erklärung)?|politique de confidentialité|política de privacidad)\b[^\n]{0,10}(\||·|•)`,
    String.raw`(©|\(c\)|copyright)\s*(20\d\d|19\d\d)[^\n]{0,80}\b(all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|все права защищены)`,
  ].join('|'),
  'm',
);

/** Greetings to a group of readers, as mailings open; "Dear all" and the formal greetings to one unnamed person are left out. */
export const GROUP_GREETING = words(
  String.raw`^\s*(dear|hello|hi) (valued )?(customers|clients|members|subscribers|readers|partners|journalists|colleagues|friends|parents|residents|shoppers)\b|^\s*(liebe|sehr geehrte) (kundinnen und kunden|kunden|mitglieder|leserinnen und leser|abonnenten|partner|journalistinnen und journalisten)\b|^\s*(chers|chères) (clients|membres|abonnés|lecteurs|partenaires|adhérents)\b|^\s*(estimados|queridos) (clientes|socios|miembros|suscriptores|lectores)\b|^\s*(cari|gentili) (clienti|soci|iscritti|lettori)\b|^\s*(caros|prezados) (clientes|membros|assinantes|leitores)\b|^\s*beste (klanten|leden|lezers|relaties)\b|^\s*(уважаемые|дорогие) (клиенты|подписчики|коллеги|партнёры|партнеры|читатели)|^\s*(お客様各位|会員の皆様|関係者各位|各位客户|尊敬的用户|亲爱的用户|親愛的會員|고객 여러분|회원 여러분)|^\s*(αγαπητοί|αγαπητές|αγαπητά) (συνεργάτες|πελάτες|μέλη|φίλοι)|^\s*(vážení|milí) (zákazníci|partneri|partneři|členovia|členové)\b|^\s*(drodzy|szanowni) (klienci|państwo|członkowie)\b|^\s*(değerli|sevgili) (müşterilerimiz|üyelerimiz)\b`,
  'm',
);

/** Notices that the mail was sent by a system and is not read: no person writes this about their own mail. */
export const AUTOMATED_TEXT = words(
  [
    String.raw`\b(please )?(do not|don't|don’t) (reply|respond) (directly )?(to )?(this|to this) (e-?mail|email|message|mail|notification)\b`,
    String.raw`\bthis (e-?mail|email|message|mailbox|address) is (not monitored|unattended|unmonitored|send[- ]only|an? (automated|automatic|auto-generated|system-generated))`,
    String.raw`\b(this|the) (e-?mail|email|message|mailbox|address) (cannot|can not|can't) (be answered|be replied to|receive replies)\b|\breplies to this (e-?mail|message|address) (will not|won't|are not) (be )?(read|answered|monitored)`,
    String.raw`\b(kan inte besvaras|kan ikke besvares|kann nicht beantwortet werden|kan niet (worden )?beantwoord|ne peut pas (recevoir de réponse|être traité)|no (puede|podrá) (ser respondido|recibir respuestas)|não (pode|poderá) (ser respondid[ao]|receber respostas)|non (può|potrà) ricevere risposte?|nie (może|można) (otrzymać odpowiedzi|na nią odpowiedzieć))\b`,
    String.raw`\bthis is an? (automated|automatic|auto-generated|automatically generated|system-generated|computer-generated) (e-?mail|email|message|notification|mail|notice|reminder)`,
    String.raw`\b(this|the) (e-?mail|email|message|notification) (was|has been|is) (sent|generated|created) (automatically|by an automated system)|\b(automatically|auto-|system-)generated (e-?mail|email|message|notification)|\b(was|has been|is) (automatically (sent|generated|created)|(sent|generated|created) automatically) (by|from) `,
    String.raw`\bbitte (antworten sie )?nicht (direkt )?auf diese (e-mail|nachricht|mail|benachrichtigung)|\bdiese (e-mail|nachricht|mail) wurde[^.\n]{0,40}\bautomatisch\b[^.\n]{0,40}\b(erstellt|generiert|versendet|versandt|erzeugt)|\bautomatisch (generierte|erstellte|versandte) (e-mail|nachricht)`,
    String.raw`\b(merci de ne pas répondre|ne (pas )?répondez pas) (à|a) (ce|cet) (message|courriel|mail|e-?mail)|\b(ce|cet) (message|courriel|mail|e-?mail) (a été |est )?(envoyé|généré) automatiquement|\bmessage (généré )?automatique\b`,
    String.raw`\b(por favor,? )?no (responda|contestes|conteste|respondas) (a )?este (correo|mensaje|e-?mail)|\beste (correo|mensaje|e-?mail) (ha sido|fue|es|se ha) (generado|enviado) automáticamente|\bmensaje automático\b`,
    String.raw`\b(si prega di )?non rispondere (a )?questa (e-?mail|mail|messaggio)|\bmessaggio (generato )?automatico\b|\b(generat[oa]|inviat[oa]) automaticamente\b`,
    String.raw`\b(por favor,? )?não responda (a )?(este|esta) (e-?mail|email|mensagem)|\bmensagem automática\b|\b(gerad[oa]|enviad[oa]) automaticamente\b`,
    String.raw`\bdit is een automatisch (gegenereerd |verzonden )?(bericht|e-?mail)|\b(reageer|antwoord) niet op (dit|deze) (bericht|e-?mail|mail)|\bautomatisch (gegenereerd|verzonden)e? (bericht|e-?mail)`,
    String.raw`\b(detta (är ett automatiskt|meddelande har skickats automatiskt)|svara inte på (detta|det här) (meddelande|mejl|e-postmeddelande)|denne e-?mail er automatisk|dette er en automatisk)`,
    String.raw`\b(wiadomość (została )?wygenerowana automatycznie|nie odpowiadaj na (tę|tą|ten) (wiadomość|e-?mail)|tato zpráva byla vygenerována automaticky|bu (e-posta|ileti) otomatik (olarak )?(gönderil|oluşturul)|lütfen bu (e-postaya|iletiye) (yanıt|cevap) vermeyin)`,
    String.raw`((это|данное) (письмо|сообщение) (сформировано|отправлено|создано|сгенерировано) автоматически|не отвечайте на (это|данное) (письмо|сообщение))`,
    String.raw`((このメール|本メール)(は|はシステムより)[^。\n]{0,20}(送信専用|自動(的に)?(送信|配信))|(この|本)メールに(ご)?返信(されても|いただいても|しないで)|配信専用)`,
    String.raw`((此|本|这|這)(封)?(邮件|郵件|信件|电子邮件)[^。\n]{0,12}(系统|系統)?自动(发送|发出|生成|發送|產生)|请勿(直接)?回复|請勿(直接)?回覆|请不要回复|系统邮件)`,
    String.raw`((본|이) 메일은[^.\n]{0,15}(발신 ?전용|자동(으로)? 발송)|회신하지 마|회신되지 않|발신전용)`,
  ].join('|'),
);

/** What list managers append: Mailman, Sympa, Google Groups, GitHub and Discourse footers. */
export const LIST_FOOTER = words(
  [
    String.raw`^_{20,}\n[^\n]{1,80} mailing list$|/mailman/listinfo/|/cgi-bin/mailman/|^-{5,} next part -{5,}$|\ba non-text attachment was scrubbed\b`,
    String.raw`\byou received this message because you are subscribed to the google groups?\b|\bto unsubscribe from this group and stop receiving emails from it\b|\bvisit this group at https?://groups\.google\.`,
    String.raw`\byou are receiving this because you (are subscribed to this thread|were mentioned|authored the thread|commented)\b|\breply to this email directly,? view it on (github|gitlab)\b`,
    String.raw`\bvisit topic\b[^\n]{0,40}\bto respond\b|\bto unsubscribe from these emails,? click here\b|\bsympa\b[^\n]{0,40}\blist\b`,
  ].join('|'),
  'm',
);

/** Links that carry campaign tracking, as ESPs rewrite them. */
export const CAMPAIGN_LINK = /[?&](utm_medium=e-?mail|utm_source=(newsletter|e-?mail|mailchimp|sendgrid|brevo|sendinblue|hs_email|klaviyo)|mc_cid=|mc_eid=|_hsenc=|_hsmi=)|https?:\/\/[^\s/]*(list-manage\.com|mailchi\.mp|sendgrid\.net\/ls\/click|ct\.sendgrid\.net|r\.mailjet|mjt\.lu|sendibt|sendibm|exct\.net|click\.e\.|clicks\.|trk\.klclick|createsend|cmail\d+\.com|rs6\.net|hubspotlinks|mailgun\.org\/c\/)/i;

/** Subjects of monitoring, CI, cron, scanners and fax gateways. */
export const NOTIFICATION_SUBJECT = words(
  [
    String.raw`^\s*\*\* (problem|recovery|acknowledgement|flapping\w*|downtime\w*) (service|host) (alert|notification)`,
    String.raw`^\s*\[(firing|resolved)(:\d+)?\]|^\s*\[(alerting|no data|pending)\]|\bmonitor is (down|up)\b|^\s*(problem|resolved) started\b`,
    String.raw`^\s*cron <[^>]+>|^\s*anacron job\b|^\s*\[jenkins\]|\bjenkins build\b|^\s*build (failed|fixed|unstable|still failing|back to normal)( in jenkins)?:|\bpipeline #\d+ has (failed|been fixed|passed)|^\s*(run|workflow run) (failed|cancelled|succeeded): `,
    String.raw`\b(backup|sicherung|datensicherung|sauvegarde|copia de seguridad|respaldo|cópia de segurança|backup|резервное копирование|バックアップ|备份)\b[^\n]{0,40}\b(failed|succeeded|successful|completed|error|fehlgeschlagen|erfolgreich|abgeschlossen|échouée|réussie|terminée|fallida|completada|correcta|falhou|concluída|riuscito|fallito|completato|mislukt|geslaagd|ошибка|успешно|失敗|成功|完了)`,
    String.raw`\b(mysqldump|pg_dump|pg_basebackup|logwatch|rsnapshot|borgmatic|restic|duplicity|rsync) (for|on|from|report|output)\b|^\s*\[?backup report\]?\b`,
    String.raw`^\s*\[[a-z0-9_.-]+/[a-z0-9_.-]+\] |^\s*\[jira\]|^\s*re: \[[a-z0-9_.-]+/[a-z0-9_.-]+\] `,
    String.raw`\bscan(ned)? (from|to|image|document|data)\b|^\s*\[?scan\]?\b|\bmessage from "?(rnp|km_|xrx|xerox|ricoh|konica|kyocera|canon|brother|sharp|mfp)|\bscanned (file|document)\b|^\s*(fax|efax|new fax|incoming fax|fax message)\b|\bfax (from|received|an)\b|\btelefax\b`,
  ].join('|'),
);

/** Subjects of receipts, orders, bookings and account mail: weak, a customer quotes them too. */
export const TRANSACTIONAL_SUBJECT = words(
  [
    String.raw`^\s*(your )?(order|booking|reservation|payment|purchase|subscription|shipment|delivery)( #?[\w-]+)? (confirmation|confirmed|received|receipt|has shipped|has been (shipped|dispatched|confirmed|delivered)|is (confirmed|on its way|ready))`,
    String.raw`^\s*(confirmation|receipt|invoice|statement|bill)( of| for| from| #|:|\s+no\.?|\s+nr\.?)|^\s*your (receipt|invoice|statement|bill) (from|for|is)|^\s*(password reset|reset your password|verify your (e-?mail|account|address)|welcome to)\b`,
    String.raw`^\s*(\[[^\]]{1,40}\]\s*:?\s*)?(new order|neue bestellung|nouvelle commande|nuevo pedido|nuovo ordine|novo pedido|nieuwe bestelling)\b|^\s*your (order|booking|purchase|reservation) (with|at|from|#|no\.?)\b|^\s*(ihre|deine) (bestellung|buchung|rechnung) (bei|vom|nr\.?|#)`,
    String.raw`^\s*(réinitialis(ez|ation)( de)? (le|votre|du) mot de passe|passwort zurücksetzen|restablece(r)? (tu|la|su) contraseña|reimposta(re)? la (tua )?password|redefin(ir|a) (a |sua )?senha|wachtwoord (opnieuw instellen|herstellen|resetten)|сброс пароля|восстановление пароля|パスワード(の)?再設定|重置密码|重設密碼|비밀번호 재설정)`,
    String.raw`^\s*(ihre )?(bestellung|buchung|rechnung|zahlung)s?(bestätigung| bestätigt| eingegangen| versandt|nr\.?| #)|^\s*(confirmation de (commande|réservation)|votre (commande|facture|réservation) )|^\s*(confirmación de (pedido|reserva)|tu pedido|su pedido|factura )`,
    String.raw`^\s*(conferma (d'ordine|ordine|prenotazione)|il tuo ordine)|^\s*(confirmação (do pedido|de reserva)|seu pedido|sua fatura)|^\s*(orderbevestiging|bevestiging van (je|uw) (bestelling|boeking)|factuur )|^\s*(ваш заказ|подтверждение заказа|счёт|счет) `,
    String.raw`^\s*(【[^】]{1,30}】\s*)?(ご注文(の)?確認|ご注文ありがとうございます|ご予約(の)?確認|請求書のお知らせ|订单确认|訂單確認|您的订单(已|确认)|您的訂單(已|確認)|付款成功|电子发票开具|주문 확인|주문이 완료|예약 확인|결제 완료)`,
  ].join('|'),
);

/** What shops and booking systems say in their own mail: thanks for an order, the platform's footer, an order for the shop owner. */
export const TRANSACTIONAL_TEXT = words(
  [
    String.raw`\b(thank you|thanks) for (your|shopping|booking|ordering)\b[^.\n]{0,20}\b(order|purchase|booking|reservation|with us|at)\b|\byour order (has been|was|is) (received|confirmed|shipped|dispatched)\b|\byou(’|')?ve received (a new|the following) order\b|\byou have received (a new|the following) order\b`,
    String.raw`\b(vielen )?dank für ihre (bestellung|buchung|reservierung|zahlung)\b|\bsie haben eine neue bestellung\b|\bmerci pour votre (commande|achat|réservation)\b|\bvous avez reçu (la|une) (nouvelle )?commande\b|\bgracias por (tu|su) (pedido|compra|reserva)\b`,
    String.raw`\bgrazie per il (tuo|suo) (ordine|acquisto)\b|\bobrigad[oa] pel[ao] (sua )?(compra|encomenda|reserva|pedido)\b|\bbedankt voor (je|uw) (bestelling|aankoop|boeking)\b|спасибо за (ваш )?(заказ|покупку)`,
    String.raw`(ご注文(いただき|頂き)?(誠に)?ありがとうございま|ご予約ありがとうございま|感谢您的(订购|订单|购买|惠顾)|感謝您的(訂購|訂單|購買)|주문해 주셔서 감사합니다|구매해 주셔서 감사합니다)`,
    String.raw`\bif you did(n't| not) (request|ask for|make) (this|a password)|\bsi vous n'avez pas (effectué|fait|demandé) cette\b|\b(falls|wenn) sie (dies|das|diese anfrage) nicht (angefordert|veranlasst)\b|\bsi no (solicitaste|has solicitado|ha solicitado)\b|\bse non hai richiesto\b|\bse (você )?não (solicitou|fez esta)\b|\bals (je|u) dit niet (hebt|heeft) aangevraagd\b|(если вы не (запрашивали|отправляли)|心当たりがない場合|如果这不是您本人|如非本人操作|본인이 요청하지 않)`,
    String.raw`\b(powered by|propulsé par|bereitgestellt von|desarrollado por|realizzato con) (woocommerce|shopify|magento|prestashop|shopware|wix|squarespace|bigcommerce)\b`,
  ].join('|'),
);

/** Subjects that advertise: weak, a customer writes "Discount code not working" too. */
export const PROMOTIONAL_SUBJECT = words(
  [
    String.raw`\b(meet the new|introducing|now available|new arrivals?|just (launched|arrived)|don'?t miss|last chance|limited[- ]time|exclusive (offer|deal)|free shipping|flash sale|\d{1,2} ?% off|black friday|cyber monday|webinar|early bird|save up to)\b`,
    String.raw`\b(jetzt (neu|entdecken)|nur noch heute|angebote der woche|sonderangebote?|offre (spéciale|exclusive)|ventes? privées?|ofertas? (especial|exclusiva)es?|offerta (speciale|esclusiva)|oferta imperdível|(mega|grande|super) (campanha|campaña|promoção|promoción|liquidação|liquidación)|inscrições abertas|inscripciones abiertas|nieuw binnen|новинки недели)\b`,
    String.raw`(新発売|キャンペーンのお知らせ|新品上市|限时优惠|限時優惠|특가 세일|신상품 출시|プレスリリース|メールマガジン|メルマガ|新闻稿|新聞稿|뉴스레터|보도자료)`,
    String.raw`\b(newsletter|press release|media release|presseinformation|pressemitteilung|rundbrief|infolettre|lettre d'information|communiqué de presse|dossier de presse|boletín( informativo)?|comunicado de prensa|nota de prensa|comunicato stampa|circolare|nieuwsbrief|persbericht|e-bülten|basın bülteni|пресс-релиз|рассылка|дайджест|biuletyn|informacja prasowa|nyhetsbrev|pressmeddelande)\b`,
  ].join('|'),
);

/** Subjects of bounces that arrive without a delivery-status part. */
export const BOUNCE_SUBJECT = words(
  String.raw`^\s*(undeliverable|undelivered mail|delivery (status notification|failure|has failed|failed)|mail delivery (failed|failure|subsystem)|returned mail|failure notice|message (not delivered|delivery failure)|unzustellbar|nicht zustellbar|non remis|non distribuable|échec de (la )?remise|no se puede entregar|no entregado|non recapitabile|onbestelbaar|niet bezorgd|olevererbart|kan ikke leveres|nie można dostarczyć|не доставлено|недоставлено|配信不能|不達|退信|无法投递|無法投遞|배달되지)`,
);

/** Subjects of mailbox providers' complaint reports that are not in ARF. */
export const COMPLAINT_SUBJECT = words(
  String.raw`\b(complaint (about|regarding|for) (message|mail|e-?mail)|(spam|abuse) (complaint|report)|abuse report|feedback (loop )?report|reported as (spam|junk)|junk mail report|email feedback report|fbl report|beschwerde über|spam-beschwerde|plainte pour (spam|abus)|queja de spam|segnalazione (di )?spam|жалоба на спам|スパム報告|垃圾邮件投诉)`,
);
