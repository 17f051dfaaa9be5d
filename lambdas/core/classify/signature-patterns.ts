/**
 * Sign-offs that open a signature block, what a sentence looks like (so text after a sign-off
 * is kept), and the openings of legal disclaimers, per built-in language. Used by `signature.ts`.
 */

/** Whole-line sign-offs, lower case; a name may follow on the same line ("Viele Grüße, Max"). */
const SIGN_OFFS = [
  // en
  '((best|kind|warm|warmest|many|with|kindest|best kind) )?(regards|wishes|thanks)', 'best', 'cheers', 'sincerely',
  'yours sincerely', 'yours truly', 'yours faithfully', 'respectfully', 'thank you( very much| so much| in advance)?',
  'thanks( (a lot|again|in advance|so much))?', 'thx', 'thanks (and|&) (best )?regards', 'all the best', 'take care',
  // de
  'mit freundlichen (grüßen|grüssen)', 'mit (besten|herzlichen|lieben|vielen) (grüßen|grüssen)',
  '(viele|beste|liebe|herzliche|schöne|freundliche|sonnige) (grüße|grüsse)( aus \\p{L}[\\p{L}\\s-]{1,30})?',
  'grüße', 'grüsse', 'gruß', 'gruss', 'lg', 'vg', 'mfg', 'bg', '(vielen )?dank( im voraus)?', 'danke( schön| sehr| im voraus)?',
  'besten dank', 'danke und (viele )?grüße', 'herzlichst', 'beste wünsche', 'tschüss', 'ciao',
  // fr
  '(bien |très )?cordialement', 'bien à (vous|toi)', 'bonne (journée|soirée|fin de journée|semaine)', 'belle journée',
  'merci( beaucoup| d\'avance| par avance| encore)?', '(sincères |meilleures |bien sincères )?salutations',
  '(bien )?amicalement', 'à bientôt', 'respectueusement', 'cdlt', 'cdt', 'bises',
  // es
  '(un )?saludos?( cordiales)?', 'un (cordial|afectuoso) saludo', 'reciba un cordial saludo', 'cordialmente', 'atentamente',
  '(muchas )?gracias( de antemano| por adelantado)?', 'un abrazo', 'abrazos', 'besos',
  // pt
  'atenciosamente', 'att\\.?', 'abraços?', 'um abraço', '(muito )?obrigad[oa]', 'grat[oa]',
  '(com os )?(melhores )?cumprimentos', 'saudações', 'beijos', 'bjs',
  // it
  '(cordiali|distinti|cari|tanti) saluti', 'saluti( cordiali)?', 'un (caro |cordiale )?saluto', 'buona (giornata|serata)',
  'grazie( mille| in anticipo| ancora)?', 'a presto',
  // nl
  '(met )?(vriendelijke|hartelijke|beste) groet(en)?', 'groet(en|jes)?', 'mvg', 'm\\.vr\\.gr\\.', 'hoogachtend',
  '(alvast )?bedankt', 'dank (je|u) wel', 'dankjewel', 'fijne dag', 'tot ziens',
  // ru
  'с уважением( и наилучшими пожеланиями)?', '(заранее |большое )?спасибо( заранее| большое)?', 'всего (доброго|хорошего)',
  'с наилучшими пожеланиями', 'благодарю( вас)?', 'хорошего дня', 'с благодарностью',
  // ko
  '감사합니다', '감사드립니다', '고맙습니다', '수고하세요', '수고하십시오', '좋은 하루 (되세요|보내세요)', '안녕히 계세요',
  '잘 부탁드립니다', '부탁드립니다', '감사합니다 수고하세요',
  // zh (Simplified and Traditional)
  '此致', '敬礼', '敬禮', '此致\\s?敬礼', '此致\\s?敬禮', '顺祝商祺', '順祝商祺', '顺颂商祺', '順頌商祺', '顺颂时祺', '順頌時祺', '祝商祺',
  '祝好', '谢谢(您)?', '謝謝(您)?', '多谢', '多謝', '感谢', '感謝', '非常感谢', '非常感謝', '敬上', '謹上',
  // ja
  '以上(、|，)?(よろしくお願い(いた|致)?します)?', 'よろしくお願い(いた|致)?します', '何卒よろしくお願い(いた|致|申し上げ)?(します|ます)',
  '宜しくお願い(いた|致)?します', 'よろしくお願い申し上げます', '引き続きよろしくお願い(いた|致)?します', '敬具', '草々',
];

const CLOSING_PUNCTUATION = '\\s*[,，.。!！~]*$';
/** The sign-offs as one alternation; a space in a phrase stands for any run of spaces. */
const SIGN_OFF_ALTERNATIVES = SIGN_OFFS.map((phrase) => phrase.replace(/ /g, '\\s+')).join('|');

/** The sign-off alone on its line; closing punctuation allowed. */
export const SIGN_OFF = new RegExp(`^(${SIGN_OFF_ALTERNATIVES})${CLOSING_PUNCTUATION}`, 'iu');

/** The sign-off with something after it on the same line, perhaps a name (checked with NAME_TAIL). */
export const SIGN_OFF_WITH_TAIL = new RegExp(`^(${SIGN_OFF_ALTERNATIVES})(?<tail>[,，.。]?\\s+\\S.{0,40}?)${CLOSING_PUNCTUATION}`, 'iu');

/** A name after a sign-off: one to three capitalised words ("Max", "Jane Doe"), or 2–4 Hangul or Han characters. */
export const NAME_TAIL = /^[,，.。]?\s*(\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){0,2}|[\p{Script=Hangul}\p{Script=Han}]{2,4})\s*[,，.。!！~]*$/u;

/** "홍길동 드림", "王小明 敬上": a name with the closing word after it is the sign-off. */
export const NAME_THEN_SIGN_OFF = /^[\p{L}.\s]{1,20}\s?(드림|올림|배상|敬上|謹上|拜上)[.。]?$/u;

/** Decoration rules that close a mail ("━━━━━", "*****"). */
export const DECORATION = /^([-=_*~#+━─═＝－]\s*){5,}$/;

/** Han and Japanese sentence particles and verb endings: a line with them is text, not a name or title. */
export const CJK_SENTENCE = /[了吗呢吧请没不嗎沒還]|請(?!求)|ます|です|ません|ください|でした/;

/** Korean sentence endings (…니다, …세요, …어요, …다.), optionally followed by punctuation. */
export const KOREAN_SENTENCE =
  /(니다|니까|세요|셔요|해요|어요|아요|여요|예요|에요|네요|군요|지요|죠|까요|나요|는데요|거든요|십시오|습니까)[\s.!?~…]*$|[가-힣]다[.!?]+$/u;

/**
 * Words that make a line a sentence (pronouns, auxiliaries, negation, "please"), in the Latin-script
 * languages and Russian; names, titles, companies and addresses rarely contain them.
 */
const SENTENCE_WORDS = [
  // en
  'i', "i'm", "i've", 'we', 'is', 'are', 'was', 'were', 'have', 'has', 'had', 'does', 'did', "don't", "didn't",
  "can't", 'could', 'would', 'please', 'not', 'also', 'still',
  // de
  'ich', 'wir', 'ist', 'sind', 'war', 'habe', 'haben', 'hat', 'bitte', 'nicht', 'kein', 'keine', 'auch', 'noch', 'schon',
  'kann', 'können', 'möchte', 'würde', 'wurde', 'warte', 'gibt', 'mir', 'mich', 'uns',
  // fr
  'je', "j'ai", 'nous', 'est', 'sont', 'suis', 'avons', 'pas', 'ne', 'aussi', 'encore', 'pourriez', 'pouvez', 'voudrais',
  // es
  'yo', 'está', 'están', 'tengo', 'hemos', 'puede', 'pueden', 'podría', 'quiero', 'necesito', 'también', 'todavía', 'aún',
  // pt
  'nós', 'não', 'é', 'estão', 'tenho', 'temos', 'foi', 'pode', 'podem', 'poderia', 'quero', 'preciso', 'também', 'ainda',
  // it
  'io', 'noi', 'non', 'è', 'sono', 'abbiamo', 'hanno', 'può', 'possono', 'potrei', 'vorrei', 'anche', 'ancora',
  // nl
  'ik', 'wij', 'zijn', 'heb', 'hebben', 'heeft', 'niet', 'geen', 'ook', 'nog', 'kunt', 'wil', 'graag', 'alstublieft',
  // ru
  'я', 'мы', 'не', 'нет', 'это', 'был', 'была', 'было', 'были', 'есть', 'будет', 'прошу', 'жду', 'хочу', 'можно', 'нужно',
  'пожалуйста', 'также', 'ещё', 'еще', 'уже', 'когда', 'почему', 'что', 'как',
];
export const SENTENCE_WORD = new RegExp(`(^|[^\\p{L}'])(${SENTENCE_WORDS.join('|')})(?=$|[^\\p{L}'])`, 'iu');

/** A Russian verb written in lower case (infinitive, imperative, reflexive, 2nd person): text, not a name or address. */
export const RUSSIAN_VERB = /(^|[^\p{L}])[а-яё]{2,}([аяеиуыо]ть|[аяеиуыо]ться|ите|йте|ьте|ется|ются|ишь|ешь)(?=$|[^\p{L}])/u;

/** A phone number, an e-mail address, a web address or a contact label: a signature's contact line. */
export const CONTACT_LINE =
  /^\+?[\d\s().\/-]{8,}$|(^|\s)(\+|00|0|\()\d[\d\s().\/-]{5,}\d|[^\s@]+@[^\s@]+\.[a-z]{2,}|(https?:\/\/|www\.)\S+|^(tel|phone|mobile|mob|cell|fax|telefon|handy|tél|teléfono|telefone|telefono|cellulare|тел|моб|факс|전화|휴대폰|핸드폰|팩스|电话|電話|手机|手機|传真|傳真|携帯|メール)\.?\s*[:：]|^[tmefwp]\s*[:.]\s*[+\d]/iu;

/** A company or a job title ("ACME Trading Co., Ltd.", "Sales Manager"), in an English signature. */
export const COMPANY_OR_TITLE =
  /\b(ltd|inc|llc|gmbh|ag|corp|co|company|limited|plc|s\.a|srl|bv|manager|director|engineer|officer|head of|ceo|cto|cfo|coo|president|sales|purchasing|procurement|support|department|dept)\b/i;

/** Latin-script letters, for telling an English signature under Chinese, Korean or Russian text. */
export const LATIN_LETTER = /\p{Script=Latin}/gu;
export const LETTER = /\p{L}/gu;

// ---------------------------------------------------------------------------
// Legal disclaimers

/** How a disclaimer paragraph starts, per language. */
export const DISCLAIMER_STARTS: RegExp[] = [
  /^[*\s]*(confidentiality (notice|note|statement|warning)|disclaimer|legal notice|important notice|privileged (and|&) confidential)\b/i,
  /^(this|the information (contained )?in this|the content of this) (e-?mail|email message|message|communication|transmission)\b.{0,200}\b(confidential|privileged|intended)/i,
  /^[*\s]*(vertraulichkeitshinweis|haftungsausschluss|rechtlicher hinweis|datenschutzhinweis)/i,
  /^(diese|die) (e-?mail|nachricht|mail)\b.{0,200}(vertraulich|rechtlich geschützt|ausschließlich für|nur für den)/i,
  /^[*\s]*(avertissement|avis de confidentialité|clause de confidentialité)/i,
  /^(ce|le présent) (message|courriel|e-?mail|mail)\b.{0,200}(confidentiel|destiné exclusivement|strictement réservé)/i,
  /^[*\s]*(aviso legal|aviso de confidencialidad(e)?|cláusula de confidencialidad)/i,
  /^(este|el presente) (mensaje|correo( electrónico)?|e-?mail)\b.{0,200}(confidencial|destinado exclusivamente|privilegiad)/i,
  /^(esta|a presente) (mensagem|e-?mail)\b.{0,200}(confidencia|destinad|privilegiad)/i,
  /^[*\s]*(avviso di riservatezza|clausola di riservatezza)/i,
  /^(questo|il presente) (messaggio|e-?mail)\b.{0,200}(riservat|confidenzial|destinat)|^le informazioni contenute nel(la)? (presente|questo|questa)/i,
  /^(dit|deze) (e-?mail(bericht)?|bericht)\b.{0,200}(vertrouwelijk|uitsluitend bestemd)|^de informatie (verzonden )?(in|met) dit (e-?mail)?bericht/i,
  /^(это|данное|настоящее) (электронное )?(письмо|сообщение).{0,200}(конфиденциальн|предназначен)|^информация,? (содержащаяся )?в (этом|данном|настоящем) (письме|сообщении)/iu,
  /^(본|이) ?(메일|전자우편|이메일)(은|에는).{0,200}(기밀|비밀|법적|수신자|수신인)|^(면책|비밀유지|기밀유지) ?(조항|안내|고지)/u,
  /^(本|此|这封|這封)(邮件|郵件|电子邮件|電子郵件|信息|訊息).{0,200}(保密|机密|機密|收件人|受法律)|^(免责声明|免責聲明|保密声明|保密聲明)/u,
  /^(この|本)(メール|電子メール).{0,200}(機密|秘密|宛先|受信者)|^(免責事項|機密保持)/u,
];

/** Words of a disclaimer; a paragraph is one when it starts like one and holds three different ones. */
export const DISCLAIMER_WORDS =
  /confidential|privileged|intended|recipient|addressee|unauthori[sz]ed|prohibited|notify|delete|destroy|vertraulich|empfänger|adressat|irrtümlich|benachrichtigen|löschen|vernicht|untersagt|confidentiel|destinataire|erreur|supprimer|détrui|interdit|confidencial|destinatario|destinatário|por error|elimin|prohibid|apag|proibid|riservat|indirizzat|destinatari|errore|cancell|vietat|vertrouwelijk|geadresseerde|vergissing|verwijder|конфиденциальн|адресат|получател|предназначен|ошибк|удал|запрещ|수신|삭제|금지|기밀|오류|保密|机密|機密|收件人|删除|刪除|禁止|错误|錯誤|宛先|削除/giu;
