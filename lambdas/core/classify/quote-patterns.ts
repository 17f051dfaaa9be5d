/**
 * How mail clients mark earlier mail, per language: "Original Message" and "Forwarded message"
 * separators, reply attributions ("On … wrote:"), Outlook header blocks and device footers.
 * Used by `quotes.ts`; each pattern is tested on one trimmed line (attributions also on a line
 * joined with the next one or two, as Gmail wraps them). Patterns in languages other than
 * English ask for a year or a time of day, so that "Am Montag schrieb ich Ihnen:" stays text.
 */

/** "-----Original Message-----", "-------- Ursprüngliche Nachricht --------", "----- 원본 메일 -----"… */
const ORIGINAL_WORDS = [
  'original message', 'original', 'reply message',
  'ursprungligt meddelande', 'oprindelig meddelelse', 'opprinnelig melding', 'alkuperäinen viesti', 'oryginalna wiadomość',
  'původní zpráva', 'pôvodná správa', 'özgün ileti', 'orijinal ileti', 'eredeti üzenet', 'αρχικό μήνυμα', 'mesaj original',
  'ursprüngliche nachricht', 'original-nachricht', 'originalnachricht',
  "message d'origine", 'message original', 'mensaje original', 'mensagem original',
  'messaggio originale', 'oorspronkelijk bericht', 'origineel bericht',
  'исходное сообщение', 'оригинальное сообщение', 'исходное письмо',
  '원본 메일', '원본 메시지', '원본메일',
  '原始邮件', '原始郵件', '原始邮件信息', '原邮件', '原始信息', '原始消息', '原始訊息',
  '元のメッセージ', 'オリジナル メッセージ', 'オリジナルメッセージ',
];

/** "---------- Forwarded message ---------" and its translations. */
const FORWARD_WORDS = [
  'forwarded message', 'forwarded', 'begin forwarded message',
  'vidarebefordrat meddelande', 'videresendt meddelelse', 'videresendt melding', 'välitetty viesti', 'przekazana wiadomość',
  'přeposlaná zpráva', 'preposlaná správa', 'iletilen ileti', 'yönlendirilen ileti', 'továbbított üzenet', 'προωθημένο μήνυμα', 'mesaj redirecționat',
  'weitergeleitete nachricht', 'message transféré', 'message transmis', 'mensaje reenviado',
  'mensagem encaminhada', 'mensagem reencaminhada', 'messaggio inoltrato', 'doorgestuurd bericht',
  'пересылаемое сообщение', 'перенаправленное сообщение', 'пересланное сообщение',
  '전달된 메일', '전달된 메시지', '전달 메일',
  '转发邮件', '转发的邮件', '转发邮件信息', '轉發郵件信息', '轉寄郵件', '轉寄的郵件', '轉寄郵件資訊', '転送メッセージ', '転送されたメッセージ',
];

/** Apple Mail's forward line ("Begin forwarded message:") in each language. */
const FORWARD_LINES = [
  'begin forwarded message', 'anfang der weitergeleiteten (nachricht|e-mail)', 'début du message (réexpédié|transféré)',
  'inicio del mensaje reenviado', 'início da mensagem (encaminhada|reencaminhada)', 'inizio messaggio inoltrato',
  'begin doorgestuurd bericht', 'начало переадресованного сообщения', '전달된 (메일|메시지)',
  '下面是被转发的邮件', '以下是轉寄的郵件', '以下為轉寄的郵件', '以下は転送されたメッセージです',
];

function separator(words: string[]): RegExp {
  return new RegExp(`^[-_=*]{2,}\\s*(${words.join('|')})\\s*[-_=*]{2,}$`, 'iu');
}

export const ORIGINAL_SEPARATOR = separator(ORIGINAL_WORDS);
export const FORWARD_SEPARATOR = separator(FORWARD_WORDS);
export const FORWARD_LINE = new RegExp(`^(${FORWARD_LINES.join('|')})\\s*[:：]?$`, 'iu');

/** A time of day as every client writes it ("10:00"). */
const TIME = String.raw`\d{1,2}:\d{2}`;
/** What every client's date-and-time part holds: a year or a time of day. */
const WHEN = String.raw`(\d{4}|${TIME})`;
/** "schrieb ich Ihnen:" is the customer's sentence, "schrieb Jane:" an attribution. */
const NOT_A_PRONOUN = String.raw`(?!(ich|wir|du|er|sie|es|man|mir|uns|ihnen|ik|wij|je|hij|ze|mij|ons)\s)`;
/** An address in angle brackets, as clients write the sender. */
const ADDRESS = String.raw`<[^<>\s]+@[^<>\s]+>`;

/**
 * Reply attributions that start with a distinctive word or a date; tested on a line and on
 * that line joined with the next one or two.
 */
export const WRAPPING_ATTRIBUTIONS: RegExp[] = [
  // en (Gmail, Apple Mail, Thunderbird): "On Tue, 24 Nov 2026 at 10:00, Jane <jane@x.org> wrote:"
  /^On\b.{4,300}\b(wrote|writes)\s*:?$/is,
  // de: "Am Di., 24. Nov. 2026 um 10:00 Uhr schrieb Jane <jane@x.org>:", "Am 24.11.2026 um 10:00 schrieb Jane:"
  new RegExp(String.raw`^Am\s.{0,150}${WHEN}.{0,150}\sschrieb\s${NOT_A_PRONOUN}.{0,160}:$`, 'is'),
  // fr: "Le mar. 24 nov. 2026 à 10:00, Jane <jane@x.org> a écrit :"
  new RegExp(String.raw`^Le\s.{0,150}${WHEN}.{0,200}\s(a écrit|nous a dit)\s*:?$`, 'is'),
  // es: "El mar, 24 nov 2026 a las 10:00, Jane (<jane@x.org>) escribió:"
  new RegExp(String.raw`^El\s.{0,150}${WHEN}.{0,200}\sescribió\s*:?$`, 'is'),
  // pt: "Em ter., 24 de nov. de 2026 às 10:00, Jane <jane@x.org> escreveu:"
  new RegExp(String.raw`^Em\s.{0,150}${WHEN}.{0,200}\sescreveu\s*:?$`, 'is'),
  // it: "Il giorno mar 24 nov 2026 alle ore 10:00 Jane <jane@x.org> ha scritto:", "In data 24 novembre 2026 …"
  new RegExp(String.raw`^(Il|In data)\s.{0,150}${WHEN}.{0,200}\sha scritto\s*:?$`, 'is'),
  // nl: "Op di 24 nov. 2026 om 10:00 schreef Jane <jane@x.org>:", Apple "… heeft Jane het volgende geschreven:"
  new RegExp(String.raw`^Op\s.{0,150}${WHEN}.{0,150}\sschreef\s${NOT_A_PRONOUN}.{0,160}:$`, 'is'),
  new RegExp(String.raw`^Op\s.{0,150}${WHEN}.{0,200}\s(het volgende geschreven|geschreven)\s*:?$`, 'is'),
  // ru: "24 нояб. 2026 г., в 10:00, Jane <jane@x.org> написал(а):", "14 марта 2015 г. пользователь Jane написал:",
  // Thunderbird "24.11.2026 10:00, Jane пишет:" (a time, or a year with "пользователь" or an address)
  new RegExp(String.raw`^.{0,200}(${TIME}|\d{4}.{0,200}(пользователь|${ADDRESS})).{0,200}\s(написал\(а\)|написала?|пишет)\s*:$`, 'isu'),
  // ru Mail.ru: "Вторник, 24 ноября 2026, 10:00 +03:00 от Jane <jane@mail.ru>:"
  new RegExp(String.raw`^(\p{L}+,\s*)?\d{1,2}\s\p{L}+\.?\s\d{4}.{0,20}${TIME}.{0,20}\sот\s.{1,200}:$`, 'isu'),
  // ko: Gmail "2026년 11월 24일 (화) 오전 10:00, 홍길동 <hong@x.kr>님이 작성:", Apple "2026. 11. 24. 오전 10:00, 홍길동 <…> 작성:",
  // Thunderbird "2026. 11. 24. 오전 10:00에 홍길동 이(가) 쓴 글:" (a bare "… 작성:" counts when `>` lines follow)
  new RegExp(String.raw`^.{0,200}${TIME}.{0,200}(님이 작성|>\s?작성|이\(가\) 쓴 글|님이 씀)\s*[:：]$`, 'su'),
  // zh: "在 2026年11月24日 10:00，张三 <x@y.cn> 写道：", zh-Hant "於 2026年11月24日 週二 上午10:00，王小明 <…> 寫道："
  /^(在|于|於).{2,300}(写道|寫道)\s*[:：]?$/s,
  // ja (Gmail): "2026年11月24日(火) 10:00 山田太郎 <yamada@example.jp>:"
  /^\d{4}[年/.-]\s?\d{1,2}[月/.-]\s?\d{1,2}日?.{0,200}@.{0,200}[:：]$/s,
  // Any client: a date, then "Name <address>:" (ru Gmail "вт, 24 нояб. 2026 г. в 10:00, Jane <…>:", Yandex
  // "24.11.2026, 10:00, "Jane" <…>:", "2026-11-24 10:00 GMT+01:00 Jane <…>:").
  new RegExp(String.raw`^.{0,120}(\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2}).{0,200}${ADDRESS}\)?\s*[:：]$`, 'su'),
];

/** The verbs of "… wrote:" in every built-in language (the line ends with one and a colon). */
const WROTE = String.raw`(wrote|writes|schrieb|a écrit|escribió|escreveu|ha scritto|schreef|geschreven|написал\(а\)|написала?|пишет|작성|쓴 글|写道|寫道)`;

/** Attributions recognised on a single line only (their start is ordinary text). */
export const LINE_ATTRIBUTIONS: RegExp[] = [
  // "Jane Doe <jane@x.org> wrote:", "jane@x.org schrieb:", "Jane <jane@x.org> a écrit :"
  new RegExp(String.raw`^.{0,120}(${ADDRESS}|[^\s@<>]+@[^\s@<>]+\.[a-z]{2,})\)?\s*${WROTE}\s*[:：]$`, 'iu'),
  // de (Gmail app): "Jane Doe <jane@x.org> schrieb am Di., 24. Nov. 2026, 10:00:"
  /^.{1,160}\sschrieb am\s.{0,100}\d.{0,100}:$/i,
  // zh: "2026-11-24 10:00，"张三" <x@y.cn> 写道：", zh-Hant "王小明 <…> 於 2026年11月24日 上午10:00 寫道："
  /^.{2,300}(写道|寫道)\s*[:：]$/,
  // ja: "「山田太郎」のメッセージ:", "2026/11/24 10:00、山田 <yamada@x.jp> のメール:", "… さんは書きました:"
  /^.{0,300}「.{1,120}」.{0,120}のメッセージ\s*[:：]?$/,
  /^.{0,300}のメ(ッセージ|ール)\s*[:：]$/,
  /^.{0,300}(さん|様)?は書きました\s*[:：]?$/,
];

/** "Ivan Petrov пишет:", "Support wrote:": an attribution only when quoted (`>`) lines follow it. */
export const WROTE_BEFORE_QUOTE = new RegExp(String.raw`^.{1,200}\s?${WROTE}\s*[:：]$`, 'iu');

/**
 * Outlook-style header blocks (desktop, web and mobile; GMX/web.de put the date first): a From
 * line, a Sent/Date line and a To/Subject line within a few lines. Labels may be bold (`*From:*`).
 */
function label(words: string[]): RegExp {
  return new RegExp(`^[\\s*]*(${words.join('|')})[\\s*]*[:：]`, 'iu');
}

export const BLOCK_FROM = label([
  'from', 'von', 'de', 'da', 'van', 'от', 'отправитель', 'expéditeur', 'remitente', 'remetente', 'mittente', 'afzender',
  '보낸 사람', '보낸사람', '发件人', '發件人', '寄件者', '寄件人', '從', '差出人', '送信者', '送信元',
]);
export const BLOCK_SENT = label([
  'sent', 'date', 'gesendet', 'datum', 'envoyé', 'enviado el', 'enviado em', 'enviada em', 'enviado', 'fecha', 'data',
  'inviato', 'verzonden', 'verstuurd', 'отправлено', 'дата', '보낸 날짜', '날짜', '发送时间', '發送時間', '时间', '日期',
  '寄件日期', '傳送時間', '送信日時', '日付', '日時',
]);
export const BLOCK_TO_SUBJECT = label([
  'to', 'subject', 'cc', 'an', 'betreff', 'à', 'objet', 'para', 'asunto', 'assunto', 'a', 'oggetto', 'aan', 'onderwerp',
  'кому', 'тема', 'копия', '받는 사람', '받는사람', '제목', '참조', '收件人', '收件者', '抄送', '主题', '主題', '主旨', '至', '副本',
  '宛先', '件名',
]);
export const UNDERSCORE_RULE = /^_{8,}$/;

// ---------------------------------------------------------------------------
// Device and app footers ("Sent from my iPhone") in each language

/** Devices and mail apps that sign a mail. */
const DEVICE = String.raw`(iphone|ipad|ipod|android|samsung|galaxy|huawei|honor|xiaomi|redmi|oppo|vivo|oneplus|pixel|motorola|nokia|xperia|lumia|surface|blackberry|smartphone|mobile|mobil\S*|móvil|movil|handy|tablet\S*|outlook|yahoo|gmail|aol|proton ?mail|thunderbird|spark|airmail|bluemail|k-9 mail|mail|e-?mail|web\.de|gmx|t-online|telekom|libero|orange|yandex|яндекс\S*|mail\.ru|почт\S*|телефон\S*|устройств\S*|appareil|portable|dispositivo|apparaat|gerät|telefon\S*|teléfono|telefoon|telefone|cellulare|celular|telemóvel)`;
/** "my iPhone", "meinem Samsung Galaxy Smartphone": a possessive, then words with a device among them. */
const MY_DEVICE = String.raw`(\S+ ){0,3}${DEVICE}\S*( \S+){0,3}`;

export const DEVICE_FOOTERS: RegExp[] = [
  // en
  /^sent from my \S.{0,40}$/i,
  /^sent from (the )?(mail|outlook|yahoo mail|aol|my mobile|samsung|gmail|proton ?mail|mail for windows)\b.{0,40}$/i,
  /^sent (with|via|using|by) (proton ?mail|blackberry|spark|airmail|bluemail|outlook|samsung|the \S+ app)\b.{0,40}$/i,
  // Outlook mobile in every language: "Get Outlook for iOS", "Outlook für Android herunterladen",
  // "Télécharger Outlook pour Android", "Obtener Outlook para iOS", "获取 iOS 版 Outlook", "iOS용 Outlook 받기"…
  /^.{0,30}(outlook (for|für|pour|para|per|voor|для) (ios|android)|(ios|android) ?(版|용) ?(的 ?)?outlook).{0,30}$/i,
  // de: "Von meinem iPhone gesendet", "Gesendet von meinem Samsung Galaxy", "Gesendet mit der Telekom Mail App"
  new RegExp(String.raw`^von meinem ${MY_DEVICE} gesendet$`, 'iu'),
  new RegExp(String.raw`^gesendet (von|mit|über|vom) (meinem|meiner) ${MY_DEVICE}$`, 'iu'),
  new RegExp(String.raw`^gesendet (von|mit|über|vom) (der |dem |einem )?${DEVICE}.{0,40}$`, 'iu'),
  /^diese (nachricht|e-?mail) wurde (von|mit) .{1,60} (gesendet|versendet|versandt)$/i,
  // fr: "Envoyé de mon iPhone", "Envoyé depuis mon appareil Galaxy", "Envoyé à partir de Outlook"
  new RegExp(String.raw`^envoyé (de|depuis|à partir de|avec|via) (mon |ma |l'|la |le )?${MY_DEVICE}$`, 'iu'),
  // es: "Enviado desde mi iPhone", "Enviado desde mi smartphone Samsung Galaxy", "Enviado desde Outlook"
  new RegExp(String.raw`^enviado (desde|con|a través de) mi ${MY_DEVICE}$`, 'iu'),
  new RegExp(String.raw`^enviado (desde|con|a través de|vía|via) (el |la )?${DEVICE}.{0,40}$`, 'iu'),
  // pt: "Enviado do meu iPhone", "Enviado do Outlook para Android", "Enviado a partir do meu …"
  new RegExp(String.raw`^enviad[oa] (do|de|pelo|a partir do|através do) meu ${MY_DEVICE}$`, 'iu'),
  new RegExp(String.raw`^enviad[oa] (do|de|pelo|via|a partir do|através do) ${DEVICE}.{0,40}$`, 'iu'),
  // it: "Inviato da iPhone", "Inviato dal mio smartphone Samsung Galaxy", "Inviato da Libero Mail per Android"
  new RegExp(String.raw`^inviato (dal|da) mio ${MY_DEVICE}$`, 'iu'),
  new RegExp(String.raw`^inviato (da|dal|con|tramite) (il |l'|lo )?${DEVICE}.{0,40}$`, 'iu'),
  // nl: "Verstuurd vanaf mijn iPhone", "Verzonden met mijn Galaxy", "Verzonden vanuit Outlook"
  new RegExp(String.raw`^(verzonden|verstuurd) (vanaf|met|vanuit|via|van) mijn ${MY_DEVICE}$`, 'iu'),
  new RegExp(String.raw`^(verzonden|verstuurd) (vanaf|met|vanuit|via) (de |het )?${DEVICE}.{0,40}$`, 'iu'),
  // ru: "Отправлено с iPhone", "Отправлено из мобильной Почты Mail.ru", "Отправлено из мобильной Яндекс Почты"
  new RegExp(String.raw`^отправлено (с|со|из|через) (моего |моей |мобильного |мобильной |приложения )?${DEVICE}.{0,40}$`, 'iu'),
  // ko: "iPhone에서 보냄", "Samsung Galaxy 스마트폰에서 보냄", "갤럭시에서 보냄"
  /^.{0,30}(iphone|ipad|android|galaxy|samsung|아이폰|아이패드|갤럭시|삼성|스마트폰|휴대폰|모바일|태블릿|outlook|아웃룩|메일 ?앱)\S{0,10}\s?에서 보냄$/i,
  // zh: "发自我的iPhone", "来自我的华为手机", zh-Hant "從我的 iPhone 傳送", "发自网易邮箱大师"
  /^(发自|来自|發自|來自|从|從|由)我的\s?\S{0,12}(iphone|ipad|android|手机|手機|华为|華為|huawei|小米|xiaomi|oppo|vivo|荣耀|榮耀|honor|samsung|三星|galaxy)\S{0,12}(\s?(发送|傳送|發送))?$/i,
  /^(发自|来自|發自|來自)\s?(网易|網易|qq|新浪|sina|139|foxmail|阿里|钉钉|釘釘|outlook).{0,12}$/i,
  // ja: "iPhoneから送信", "Android スマートフォンから送信"
  /^.{0,20}(iphone|ipad|android|スマートフォン|スマホ|携帯)\S{0,12}\s?から送信$/i,
];
