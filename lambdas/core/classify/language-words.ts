/**
 * Evidence tables for language detection. Function words are the most frequent words of
 * a language and the least topic-dependent, so a handful of them decide a mail's language
 * where letter statistics (franc) still waver: short mails, mails full of product names.
 * Each list leaves out words common to its neighbours ("de", "en", "a", "que", "para").
 */
export const FUNCTION_WORDS: Readonly<Record<'en' | 'de' | 'fr' | 'es' | 'pt' | 'it' | 'nl', ReadonlySet<string>>> = {
  en: words(
    'the and is are was were be been have has had you your my our we they it this that with from for not but what when where which who why will would can could ' +
      'should please thanks thank hello hi dear regards there their them then than just also still yet any some about after before because into since only very ' +
      'i me us he she him her his its am do does did dont cant im ive get got need want order account refund payment invoice help issue problem received',
  ),
  de: words(
    'und ist sind war waren bin bitte danke ich mich mir mein meine meinen meiner wir uns unser unsere sie ihr ihre ihnen nicht kein keine keinen das der die dem den ' +
      'des ein eine einen einem einer mit von für auf aus bei nach über noch schon auch aber oder wenn dass weil wie was wo warum wann können kann könnten möchte ' +
      'würde wurde wird werden habe haben hat hatte gibt sehr vielen dank hallo guten tag geehrte damen herren grüße gruß freundlichen leider jetzt heute seit bis',
  ),
  fr: words(
    'le la les un une des du et est sont suis je vous nous mon ma mes votre vos notre nos ne pas plus avec pour dans sur par mais ou où que qui quoi quand comment ' +
      'pourquoi bonjour merci madame monsieur cordialement ai avez avons été être fait faire peux pouvez voudrais aussi encore déjà toujours très depuis cette ce ces ' +
      'il elle ils leur sans chez lors car donc jai cest nest',
  ),
  es: words(
    'el los las una unos unas del al y es son estoy está están soy yo usted ustedes nosotros mi mis su sus nuestro nuestra no con para por pero muy ya hay ' +
      'hola gracias buenos buenas días saludos cordialmente tengo tiene tienen quiero quisiera puedo pueden podría he ha han hecho este esta estos estas eso esto ' +
      'cuando donde dónde cómo qué porque también todavía aún desde hasta sin sobre le les lo',
  ),
  pt: words(
    'o os as um uma uns umas do da dos das no na nos nas ao aos e é são estou está estão sou eu você vocês nós meu minha meus minhas seu sua não com para pelo ' +
      'pela mas muito já há olá obrigado obrigada bom dia boa tarde noite atenciosamente tenho tem têm quero gostaria posso podem poderia foi fiz feito este esta ' +
      'isso isto esse essa quando onde como porque também ainda desde até sem sobre lhe nao voce entao então aqui',
  ),
  it: words(
    'il lo la gli le un uno una dei degli delle del della dello e è sono ho hai ha abbiamo avete hanno io lei voi noi mio mia miei mie suo sua non con per ' +
      'ma molto già ancora buongiorno buonasera salve grazie cordiali saluti distinti vorrei posso potete potrebbe stato stata fatto questo questa questi quello ' +
      'quando dove come perché anche sempre dopo prima senza sul sulla nel nella alla allo agli ci mi ti si',
  ),
  nl: words(
    'de het een en is zijn ben was waren ik je jij u uw mijn ons onze wij we ze zij hun niet geen met van voor op uit bij naar over nog al ook maar of als dat ' +
      'omdat hoe wat waar waarom wanneer kan kunt kunnen zou wil graag alstublieft alsjeblieft bedankt dank hallo goedemiddag goedemorgen beste groet groeten ' +
      'vriendelijke heb hebben heeft had wordt worden werd er dit deze die nu vandaag sinds tot zonder',
  ),
};

/** Russian function words; Ukrainian and Belarusian texts carry letters Russian lacks (і ї є ґ ў). */
export const RUSSIAN_WORDS = words(
  'и в не на я что с по как это мой моя мои моё мне меня у вы вас вам ваш ваша ваши мы нас нам наш он она они его её их где когда почему который если но или ' +
    'уже ещё еще тоже только очень здравствуйте добрый день спасибо пожалуйста уважением можно нужно хочу могу можете было был была будет есть нет до из за от для',
);
export const NOT_RUSSIAN_LETTERS = /[іїєґўјљњћђѓќџѕІЇЄҐЎЈЉЊЋЂЃЌЏЅ]/u;
/** Letters only Russian (and Belarusian) write among the Cyrillic languages franc might propose. */
export const RUSSIAN_ONLY_LETTERS = /[ыэЫЭ]/u;
/** Bulgarian function words Russian does not have ("ще", "със", "това"…). */
export const BULGARIAN_WORDS = words('ще със към това са какво защото тук сега днес благодаря здравейте моля е нещо някой трябва');

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** franc's ISO 639-3 codes → ISO 639-1, for the languages franc knows that have a two-letter code. */
export const ISO_639_1: Readonly<Record<string, string>> = {
  eng: 'en', cmn: 'zh', jpn: 'ja', kor: 'ko', deu: 'de', fra: 'fr', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', rus: 'ru',
  ukr: 'uk', bel: 'be', bul: 'bg', srp: 'sr', mkd: 'mk', kaz: 'kk', kir: 'ky', tgk: 'tg', tat: 'tt', bak: 'ba', uzb: 'uz', uzn: 'uz', khk: 'mn',
  swe: 'sv', dan: 'da', nob: 'nb', nno: 'nn', isl: 'is', fin: 'fi', est: 'et', lvs: 'lv', lit: 'lt', pol: 'pl', ces: 'cs', slk: 'sk', slv: 'sl', hrv: 'hr',
  bos: 'bs', ron: 'ro', hun: 'hu', tur: 'tr', azj: 'az', ind: 'id', zlm: 'ms', vie: 'vi', tgl: 'tl', cat: 'ca', glg: 'gl', eus: 'eu', afr: 'af', als: 'sq',
  ell: 'el', heb: 'he', arb: 'ar', pes: 'fa', urd: 'ur', hin: 'hi', mar: 'mr', nep: 'ne', ben: 'bn', pan: 'pa', guj: 'gu', tam: 'ta', tel: 'te', kan: 'kn',
  mal: 'ml', sin: 'si', tha: 'th', lao: 'lo', khm: 'km', mya: 'my', kat: 'ka', hye: 'hy', amh: 'am', swh: 'sw', hau: 'ha', yor: 'yo', ibo: 'ig', som: 'so',
  zul: 'zu', xho: 'xh', cym: 'cy', gle: 'ga', epo: 'eo', lat: 'la', mlt: 'mt', ltz: 'lb', fry: 'fy', jav: 'jv', sun: 'su', ceb: 'ceb',
};

/**
 * Characters common in one written language and absent (or rare) in the other. They decide
 * Han-only text (a subject like 返金依頼 or 发票), where kana give no evidence, and the
 * script of Chinese: simplified-only forms, Traditional forms Japanese does not use, and
 * Japanese shinjitai-only forms.
 */
export const SIMPLIFIED_ONLY = new Set('们这说对为请发货钱还么吗个时间问题谢给让现单购买实际运费账户码录设务报错误订价优纸质开见样态坏处该写东车长门关读语贵员过边从后经应脑帮网'.split(''));
export const TRADITIONAL_ONLY = new Set('們這說對發錢麼嗎讓單實價樣壞處寫讀關邊從沒會來與經應腦幫號裡戶碼錄您妳嗎吧為請貨還個謝給購際運費帳訂優態該網後'.split(''));
/** Han-only words Japanese customers write and Chinese ones do not (Chinese says 退款, 订单, 取消…). */
export const JAPANESE_WORDS = ['返金', '返品', '依頼', '注文', '解約', '領収書', '手続', '予約', '案内', '御社', '貴社', '弊社', '担当者', '不具合', '発送', '至急', '早急', '問合'];
export const JAPANESE_ONLY = new Set('様円届払込売続変済険検読転楽営権県歳駅図広気発対応沢拡価縁弁鉄渋浜辺巻隣'.split(''));
/** Traditional characters that Japanese also writes: evidence of Traditional script, not of Chinese over Japanese. */
export const SHARED_WITH_JAPANESE = new Set('為請貨還個謝給購際運費帳訂優態該網後'.split(''));
