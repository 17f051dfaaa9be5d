/**
 * How out-of-office replies read when no header says so, in the languages of the
 * world's mail clients. Three strengths: the prefix a client puts before the
 * subject (Exchange, Outlook, Lotus Notes, Zimbra), a subject that merely mentions
 * absence, and first-person absence sentences in the body.
 */
import { escapeLiteral, words } from './patterns.js';

/** Subject prefixes of auto-replies, as the clients localise them (colon or full-width colon follows). */
const PREFIXES = [
  // en, and the older Exchange and Notes forms
  'automatic reply', 'auto reply', 'autoreply', 'auto-reply', 'auto response', 'automatic response', 'out of office autoreply', 'out of office', 'out of the office',
  'auto', 'away', 'vacation reply', 'vacation response',
  // de
  'automatische antwort', 'abwesend', 'abwesenheitsnotiz', 'abwesenheitsmeldung', 'autom. antwort',
  // fr
  'réponse automatique', 'reponse automatique', 'absent du bureau', 'absente du bureau', 'absence du bureau',
  // es, ca, pt, it
  'respuesta automática', 'respuesta automatica', 'fuera de la oficina', 'resposta automàtica', 'resposta automática', 'resposta automatica', 'fora do escritório',
  'ausência temporária', 'risposta automatica', 'fuori sede', "fuori dall'ufficio",
  // nl, sv, da, nb, fi, is
  'automatisch antwoord', 'afwezig', 'automatiskt svar', 'frånvarande', 'automatisk svar', 'ikke til stede', 'fraværende', 'automaattinen vastaus', 'poissa', 'sjálfvirkt svar',
  // pl, cs, sk, hu, ro, sl, hr, sr, et, lv, lt
  'odpowiedź automatyczna', 'automatyczna odpowiedź', 'poza biurem', 'automatická odpověď', 'automatická odpoveď', 'mimo kancelář', 'automatikus válasz', 'házon kívül',
  'răspuns automat', 'raspuns automat', 'samodejni odgovor', 'automatski odgovor', 'automaatvastus', 'automātiskā atbilde', 'automatinis atsakymas',
  // ru, uk, bg, sr-Cyrl, el, tr
  'автоматический ответ', 'автоответ', 'нет на месте', 'автоматична відповідь', 'автоматичен отговор', 'аутоматски одговор', 'αυτόματη απάντηση', 'otomatik yanıt', 'otomatik cevap', 'ofis dışı',
  // he, ar, fa, hi
  'תשובה אוטומטית', 'מענה אוטומטי', 'رد تلقائي', 'الرد التلقائي', 'پاسخ خودکار', 'स्वचालित जवाब', 'स्वतः उत्तर',
  // zh, ja, ko, vi, th, id, ms
  '自动回复', '自动答复', '自動回覆', '自動回復', '自動答覆', '自動応答', '自動返信', '自動送信', '不在', '자동 회신', '자동 응답', '자동회신', '부재중',
  'trả lời tự động', 'tự động trả lời', 'ตอบกลับอัตโนมัติ', 'balasan otomatis', 'balasan automatik', 'balas automatik',
  // more of Outlook's languages
  'erantzun automatikoa', 'awtomatikong tugon', 'jibu la kiotomatiki', 'স্বয়ংক্রিয় উত্তর', 'خودکار جواب', 'автоматты жауап', 'ავტომატური პასუხი', 'ավտոմատ պատասխան',
  'avtomatik cavab', 'avtomatik javob', 'automatinis atsakymas', 'автоматски одговор', 'fjarri', 'ikke på kontoret', 'poza biurem', 'urlaub', 'vacation', 'holiday', 'on leave',
];

/** A subject that starts (after bracketed gateway or ticket tags only, never after "Re:") with an auto-reply prefix, or with one in brackets. */
const PREFIX_ALTERNATIVES = PREFIXES.map(escapeLiteral).join('|');
export const OUT_OF_OFFICE_PREFIX = new RegExp(`^\\s*(\\[[^\\]]{1,80}\\]\\s*)*((${PREFIX_ALTERNATIVES})\\s*[:：]|[\\[(（【](${PREFIX_ALTERNATIVES})[\\])）】])`, 'iu');

/** Lotus Notes and Zimbra name the person: "Jane Doe is out of the office." */
export const NAMED_ABSENCE_SUBJECT = words(
  [
    String.raw`\bis (currently )?(out of (the )?office|away|on (vacation|holiday|leave))\b|\bist (nicht im büro|abwesend)\b|\best absente?\b`,
    // A time span: "Away until 12 May", "Back on Monday", "Nicht im Büro bis 4.8.", "Fuera hasta el lunes".
    String.raw`^\s*(out|away|off|ooo|back)( of (the )?office)? (until|till|from|on)\b|^\s*(nicht im büro|abwesend|im urlaub|zurück am|wieder da am) (bis|vom|ab|am)?\b|^\s*(hors du bureau|absente?|de retour) (jusqu'au|du|le)\b`,
    String.raw`^\s*(fuera|ausente|de vuelta|fuori (ufficio|sede)|assente|di ritorno|ausente|de volta|afwezig|niet aanwezig|terug) (hasta|el|fino|dal|al|até|a partir|tot|t/m|vanaf|op)\b`,
  ].join('|'),
);

/** Words of absence anywhere in a subject: weak, people write "Vacation booking cancelled". */
export const ABSENCE_SUBJECT_WORDS = words(
  String.raw`out of (the )?office|away from (the )?office|\b(on|annual) (vacation|holiday|leave)\b|\bvacation\b|\bauto[- ]?repl|\babwesen|\burlaub|\babsen(ce|t)\b|\bcongés?\b|\bvacances\b|fuera de la oficina|\bvacaciones\b|\bausen(te|cia)\b|\bférias\b|\bassente\b|\bferie\b|\bafwezig|\bvakantie\b|\bfrånvar|\bsemester\b|\bpoza biurem\b|\burlop|отпуск|нет на месте|休暇|不在|休假|出差|年假|휴가|부재|izin(deyim)?\b|tatil|\bfóra\b|\bgodišnji odmor\b|\bneprítomnos|\bnepřítomnos|\bdopust\b|\bbercuti\b|कार्यालय से बाहर|छुट्टी|\blikizo\b|\bgwyliau\b|\boporretan\b|\bpuhkus|\batvaļinājum|\batostog|\bverlof\b|\bbakasyon\b|\bno longer (with|at|working)\b|больше не работаю`,
);

/** First-person statements of absence, per language (only what must match: optional lead-ins cost time and change nothing). */
const ABSENCE_SENTENCES = [
  String.raw`\b(i am|i'm|i will be|i'll be|i shall be)\s+(currently\s+|now\s+)?(out of (the )?office|away( from (the )?office| from my desk)?|on (annual |parental |sick |maternity |paternity |study )?(leave|vacation|holidays?)|travel+ing|absent|not in the office|off work)\b`,
  String.raw`\b(in my absence|während meiner abwesenheit|en mon absence|durante mi ausencia|durante la mia assenza|na minha ausência|tijdens mijn afwezigheid)\b`,
  String.raw`\bi am (currently )?(out|away)\b|\bi('m| am) (out|away|off) (until|till|from|between|for)\b|\b(back|return(ing)?) (in|to) the office (on|from)\b`,
  String.raw`\b(ich befinde mich|befinde ich mich)\b[^.\n]{0,40}\b(im urlaub|außer haus|auf (einer )?dienstreise|in elternzeit|nicht im büro)|\bbin ich wieder (im büro|erreichbar|für sie da)\b`,
  String.raw`\b(przebywam|jestem obecnie)\b[^.\n]{0,30}\b(na urlopie|poza biurem|na zwolnieniu)|\bik ben\b[^.\n]{0,30}\bmet verlof\b|\bestaré fuera hasta\b|\bsono fuori (ufficio|sede) fino\b`,
  String.raw`\b(we are|we're|our (office|shop|store|team) is|the office is)\s+(currently\s+)?(closed|away|on (holiday|vacation|leave)|out of the office)\b|\bclosed for (the )?(holidays?|vacation|summer|christmas)\b`,
  String.raw`\b(wir sind|sind wir|unser (büro|geschäft|laden|team) ist)\b[^.\n]{0,50}\b(im urlaub|nicht erreichbar|geschlossen|abwesend|in den ferien)|\b(betriebsferien|betriebsurlaub)\b`,
  String.raw`\bnous (sommes|serons)\b[^.\n]{0,30}\b(absents?|fermés?|en congés?|en vacances)|\bfermeture (annuelle|estivale)\b`,
  String.raw`\b(estamos|estaremos)\b[^.\n]{0,30}\b(de vacaciones|cerrados|fuera de la oficina|ausentes|de férias|fechados)|\bsiamo\b[^.\n]{0,30}\b(chiusi|in ferie|assenti)`,
  String.raw`\b(wij zijn|we zijn|zijn wij|zijn we)\b[^.\n]{0,50}\b(met vakantie|op vakantie|gesloten|afwezig|niet bereikbaar)`,
  String.raw`\b(ich bin|bin ich)\b[^.\n]{0,50}\b(nicht im büro|abwesend|im urlaub|außer haus|ausser haus|nicht erreichbar|auf dienstreise|in elternzeit)`,
  String.raw`\bje (suis|serai)\b[^.\n]{0,30}\b(absente?|en congés?|en vacances|hors du bureau|en déplacement|en congé maternité)`,
  String.raw`\b(estoy|estaré|me encuentro)\b[^.\n]{0,30}\b(fuera de la oficina|de vacaciones|ausente|de viaje|de baja)`,
  String.raw`\b(sono|sarò|saro)\b[^.\n]{0,30}\b(assente|fuori (ufficio|sede)|in ferie|in vacanza|in trasferta)`,
  String.raw`\b(estou|estarei|encontro-me)\b[^.\n]{0,30}\b(ausente|fora do escritório|de férias|em férias|em viagem)`,
  String.raw`\b(ik ben|ben ik)\b[^.\n]{0,50}\b(afwezig|niet aanwezig|op vakantie|met vakantie|niet op kantoor|niet bereikbaar)`,
  String.raw`\bjag är\b[^.\n]{0,40}\b(borta|ledig|på semester|tjänstledig|frånvarande|föräldraledig)`,
  String.raw`\bjeg er\b[^.\n]{0,40}\b(på ferie|fraværende|borte|ikke på kontoret|på barsel)`,
  String.raw`\bolen\b[^.\n]{0,30}\b(lomalla|poissa|matkoilla)`,
  String.raw`\b(jestem|będę)\b[^.\n]{0,30}\b(na urlopie|poza biurem|nieobecn[ya])`,
  String.raw`\b(jsem|budu|som|budem)\b[^.\n]{0,30}\b(na dovolené|na dovolenke|mimo kancelář|mimo kancelárie|nepřítomen|nepřítomna|mimo úrad)`,
  String.raw`\b(szabadságon vagyok|házon kívül vagyok|irodán kívül vagyok|nem vagyok az irodában)`,
  String.raw`\b(sunt în concediu|sunt in concediu|sunt plecat|în afara biroului)`,
  String.raw`(в отпуске|в командировке|вне офиса|отсутствую|на больничном)`,
  String.raw`(перебуваю у відпустці|я у відпустці|я в відпустці|відсутній|відсутня|в отпуск съм|отсъствам)`,
  String.raw`(είμαι|θα είμαι)\s+(εκτός γραφείου|σε άδεια|απών|απούσα|σε διακοπές)`,
  String.raw`\b(izindeyim|ofis dışındayım|ofiste değilim|tatildeyim|yıllık izinde)`,
  String.raw`(בחופשה|מחוץ למשרד)`,
  String.raw`(خارج المكتب|في إجازة)`,
  String.raw`(休假|出差|不在办公室|不在辦公室|休年假|请假|請假)`,
  String.raw`(不在にしております|休暇をいただいて|休暇を頂いて|休暇中|出張中のため|不在です|不在のため|休みをいただいて|お休みをいただいております|お休みを頂いております|休業させていただきます|休業いたします)`,
  String.raw`(휴가 중|휴가중|부재 중|부재중|출장 중|출장으로|휴가로|휴가를|휴가 기간|자리를 비우)`,
  String.raw`\b(nghỉ phép|vắng mặt|không có mặt tại văn phòng)`,
  String.raw`(ลาพักร้อน|ไม่อยู่ที่สำนักงาน|ไม่อยู่ออฟฟิศ)`,
  String.raw`\b(cuti|tidak berada di kantor|di luar kantor|di luar pejabat)\b`,
  String.raw`\b(estic|estaré)\b[^.\n]{0,30}\b(fora de l'oficina|de vacances)`,
  String.raw`\b(na godišnjem (sam )?odmoru|na dopustu|odsutan|odsutna|van ureda|van kancelarije|nisam u uredu|sem na dopustu|sem odsoten|sem odsotna|nisem v pisarni)\b`,
  String.raw`\b(estou|estarei)\b[^.\n]{0,30}\b(fóra da oficina|de vacacións|ausente)|\b(nebudem v kancelárii|som mimo kancelárie|nie som v kancelárii|nebudu v kanceláři|nejsem v kanceláři)\b|\bbercuti\b|\btidak berada di pejabat\b`,
  String.raw`(कार्यालय से बाहर|छुट्टी पर हूँ|छुट्टियों के कारण|अवकाश पर|অফিসের বাইরে|ছুটিতে আছি|ছুটিতে থাকব|دفتر سے باہر|چھٹی پر|خارج از دفتر|در مرخصی)`,
  String.raw`\b(niko likizo|nje ya ofisi|sipo ofisini|allan o'r swyddfa|ar wyliau|i ffwrdd o'r swyddfa|bulegotik kanpo|oporretan nago|er í fríi|er ekki á skrifstofunni|fjarverandi|olen puhkusel|viibin puhkusel|olen kontorist eemal|esmu atvaļinājumā|neatrodos birojā|prombūtnē|esu atostogose|nesu biure|išvykęs|išvykusi|ek is met verlof|ek is uit die kantoor|buite kantoor|nasa bakasyon|wala sa opisina)\b`,
  // No longer with the company: the mailbox answers for someone who left.
  String.raw`\b(i am|i'm) no longer (with|at|working (for|at|with))\b|\bno longer works? (here|for|at|with)\b|\b(has|have) left the (company|organisation|organization)\b|\b(bin|ist) nicht mehr (bei|im unternehmen|für|in der firma)\b|\bhat das unternehmen verlassen\b|\bne (fais|fait) plus partie\b|\bne travaille plus (chez|pour|au sein|à)\b|\ba quitté (la société|l'entreprise)\b`,
  String.raw`\bya no (trabajo|trabaja|formo parte)\b|\bha dejado la empresa\b|\bnon (lavoro|lavora) più\b|\bnon faccio più parte\b|\bha lasciato l'azienda\b|\b(não|já não) trabalho mais\b|\bjá não trabalho\b|\bdeixou a empresa\b|\b(ben|is) niet meer werkzaam\b|\bwerk niet meer bij\b|\bnie pracuję już\b|(больше не работаю|больше не работает|退職いたしました|退職しました|已离职|已離職)`,
];

/** What an out-of-office says next: when they are back, or whom to ask meanwhile. */
const RETURN_OR_STAND_IN = [
  String.raw`\b(i will|i'll|i shall)\s+(be back|return|reply|respond|get back to you)\b[^.\n]{0,60}\b(on|upon|after|when|from)\b`,
  String.raw`\b(limited|no|without) (access to )?(my )?e-?mail\b|\blimited (access|connectivity)\b|\bnot (be )?(checking|reading) (my )?e-?mails?\b|\b(if|when) (it is|it's) urgent\b`,
  String.raw`\b(keinen zugriff auf (meine )?e-mails|e-mails (nur )?(nicht|unregelmäßig|eingeschränkt) (lesen|abrufen|bearbeiten)|no (voy a estar|estaré|estaremos) revisando (el|mi|los) correos?|sin acceso (al|a mi) correo|si es (algo )?urgente|pas accès à (mes )?(e-?mails|courriels|ma messagerie))`,
  String.raw`\b(e-?mail wordt na (mijn|onze) (terugkomst|terugkeer)|na (mijn|onze) (terugkomst|terugkeer)|je (vous )?répondrai (dès|à) mon retour|ti risponderò al mio rientro|responderé a (mi|mí) regreso|responderei (ao|quando) (meu )?regress)`,
  String.raw`(メールの確認ができ|メールを確認でき|无法(及时)?(查看|回复)邮件|無法(及時)?(查看|回覆)郵件|메일 확인이 어렵|메일 확인이 불가)`,
  String.raw`\b(for|in case of|if you have an?) (urgent|immediate|pressing) (matters?|issues?|requests?|enquir|inquir|assistance|questions?|needs?)`,
  String.raw`\byour (e-?mail|message) (will|won't|will not) (not )?be forwarded\b|\bin my absence\b|\bif (this|it) is time[- ]sensitive\b|\b(patchy|intermittent|sporadic) access\b`,
  String.raw`\b(während meiner abwesenheit|in meiner abwesenheit|ihre (e-mail|nachricht) wird nicht gelesen|en mon absence|pendant mon absence|je lirai (mes|vos) (messages|e-?mails|courriels) à mon retour|durante mi ausencia|en mi ausencia|durante la mia assenza|in mia assenza|na minha ausência|durante a minha ausência|tijdens mijn afwezigheid|in mijn afwezigheid|under min frånvaro|i mitt fravær|w czasie mojej nieobecności|во время моего отсутствия)`,
  String.raw`\b(in dringenden fällen|bei dringenden (anliegen|fragen)|ab dem [^.\n]{0,20} (wieder|bin ich wieder)|ihre (e-mail|nachricht) wird nicht weitergeleitet)`,
  String.raw`\b(en cas d'urgence|pour toute (demande|question) urgente|de retour (le|à partir du|au bureau))`,
  String.raw`\b(para (asuntos|temas|cuestiones) urgentes|en caso de urgencia|(regresaré|volveré|me reincorporaré) el)`,
  String.raw`\b(per (questioni|comunicazioni|richieste) urgenti|in caso di urgenza|rientrerò|sarò di ritorno)`,
  String.raw`\b(para assuntos urgentes|em caso de urgência|retorno (no dia|em)|retornarei)`,
  String.raw`\b(voor dringende zaken|in dringende gevallen|vanaf [^.\n]{0,20} (weer|ben ik weer) (aanwezig|bereikbaar))`,
  String.raw`\b(vid brådskande ärenden|i (hastende|akutte) tilfælde|i hastesaker|kiireellisissä asioissa|w pilnych sprawach|v naléhavých případech|v naliehavých prípadoch|sürgős esetben|pentru probleme urgente)`,
  String.raw`(по срочным вопросам|в срочных случаях|з термінових питань|за спешни въпроси|για επείγοντα θέματα|acil durumlarda|בעניינים דחופים|للأمور العاجلة)`,
  String.raw`((如有|如遇)(急事|紧急|緊急)|(将于|将在|將於|会在|會在)[^。\n]{0,20}(返回|回来|回來|回到)|回来后|回來後)`,
  String.raw`((お急ぎ|緊急)の(場合|際|ご用件)|(戻り|復帰|出社)(は|予定)|返信が遅れ|ご返信が遅くなります)`,
  String.raw`(급한 (건|용무|일|사항|문의)|복귀 (예정|후)|돌아오는 대로)`,
  String.raw`\b(trường hợp khẩn cấp|กรณีเร่งด่วน|untuk (hal|urusan) (yang )?mendesak|za hitne (slučajeve|stvari)|po povratku|v nujnih primerih|para asuntos urxentes|á miña volta|sebaik sahaja saya kembali|kwa mambo ya dharura|materion brys|í brýnum tilvikum|kiireloomulistes küsimustes|steidzamos jautājumos|skubiais klausimais|vir dringende sake|para sa mga agarang)`,
  String.raw`(अत्यावश्यक मामलों के लिए|वापस आने पर|জরুরি প্রয়োজনে|فوری معاملات|موارد فوری)`,
];

export const ABSENCE_TEXT = words(ABSENCE_SENTENCES.join('|'));
export const RETURN_OR_STAND_IN_TEXT = words(RETURN_OR_STAND_IN.join('|'));
