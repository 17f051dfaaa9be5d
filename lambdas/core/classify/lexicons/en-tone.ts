import type { ToneLexicon } from './types.js';

/** Urgency, incidents, calm, threats and tone in English (see types.ts for the kinds). */
export const TONE_EN: ToneLexicon = {
  urgency: [
    'urgent*', 'asap', 'as_soon_as_possible|as_soon_as_you_can|as_quickly_as_possible|as_fast_as_possible', 'immediately', 'immediate ~ attention|assistance|action|help|support|response|resolution|fix',
    'right_away|at_once', 'at the latest', 'escalate ~ this|it|the_issue|the_matter|to', 'need|needed|needs|require|required|must ~ by|before ~ monday|tuesday|wednesday|thursday|friday|saturday|sunday|the_weekend|end_of_week|end_of_the_week', 'emergency', 'time_sensitive|time-sensitive|time_critical|time-critical', 'high|top|highest priority', 'matter of urgency', 'without ~ further? ~ delay',
    'by|before ~ today|tonight|tomorrow|eod|end_of_day|end_of_today|this_afternoon|this_evening', 'by end_of|close_of ~ day|business', 'need|needed|needs ~ it|this|them ~ today|tonight|by_tomorrow',
    'critical', 'blocker', 'blocking ~ us|me|our_team|our_work|the_team|everything|production|the_release|our_release|the_launch', 'deadline ~ is|today|tomorrow|tonight|on|this|approaching|coming_up|looming', 'tight|hard|strict deadline', 'have|has|got ~ a ~ deadline', 'cannot|can\'t|unable_to work', 'blocked from working', 'team is blocked', 'whole|entire ~ team ~ is|are ~ blocked|stuck|unable',
    'significantly|severely|seriously|heavily|badly ~ impact*|affect*|disrupt*|hamper*|hinder*|delay*', 'major|serious|significant|severe ~ impact|disruption|problem|issue|inconvenience',
    'disrupting|disrupts|halting|impacting|affecting ~ our ~ operations|business|work|workflow|production|productivity|customers|clients|sales',
    'presentation|event|launch|wedding|party|birthday|flight|trip|conference|audit|exam|go_live|go-live|golive|ceremony|funeral ~ is|on|this|are ~ tomorrow|today|tonight|this_afternoon|this_weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday',
    'presentation|meeting|event|launch|wedding|party|birthday|flight|trip|conference|audit|exam|interview|go_live|go-live|golive|demo tomorrow|today|tonight',
    'running out of time', 'every minute|hour counts', 'losing|costing ~ us|me? ~ money|sales|revenue|customers|orders|business',
  ],
  critical: [
    'production|system|systems|site|website|service|server|servers|platform|app|api|everything|checkout|shop|store|database|network|portal|email ~ is|are|went|has_gone|have_gone|seems|appears|seem ~ down|offline',
    'down for|since ~ everyone|all|hours|customers|users', 'outage*', 'downtime', 'service disruption',
    'down|failing|fails|broken|stopped|unavailable|not_working|not_loading|inaccessible|offline ~ for|across ~ all|every|everyone|everybody', 'stopped|failing|down|broken entirely|completely',
    'all|all_of|every_one_of ~ our|the ~ users|customers|stores|storefronts|sites|clients|locations|shops|branches|offices|employees|staff ~ cannot|can\'t|can_not|unable|affected|impacted|locked_out|are_down|are_offline', 'service ~ interruption|unavailable|is_unavailable|completely_unavailable',
    'production issue|incident|outage|environment|system|line|server|database ~ down|broken|stopped|failing|halted|offline|unavailable', 'not accessible to|for ~ all|any', 'none_of_our|all_our|all_of_our ~ users|customers|staff|employees|stores|shops|branches|clients|sites|locations|teams ~ can|can\'t|cannot|can_not|are_unable|is_unable|unable|affected|impacted|down|offline',
    'completely|totally|entirely ~ unavailable|down|inaccessible|unusable|offline', 'unavailable for ~ all|everyone|everybody', 'all ~ users|customers|employees|clients ~ affected|impacted|cannot|unable|can\'t|are_unable',
    'system-wide|systemwide|company-wide|companywide|sitewide|site-wide|nationwide', 'halted|halting|paralys*|paralyz*|crippl*|shut_down|brought_to_a_standstill ~ our|the ~ operations|business|production|work',
    'cannot|can_not|can\'t|cant|unable_to|nobody_can|no_one_can ~ process|take|accept|ship|complete|record ~ orders|payments|sales|transactions|bookings',
    'customers cannot|can\'t ~ pay|order|checkout|log_in|access', 'lost all|our ~ data', 'data loss', 'data breach', 'breach|breaches|breached', 'data|information|password|passwords|credentials|records ~ leak|leaks|leaked|leaking', 'hacked|hacker*', 'compromised',
    'unusual|suspicious|unrecognised|unrecognized|strange|foreign ~ sign_in|sign-in|signin|login|log_in|logins|sign-ins|activity|access', 'sign_in|sign-in|signin|login|logins|log_in|access ~ from ~ unknown|unusual|unrecognised|unrecognized|strange|foreign ~ device|location|country|ip|ip_address', 'fraud ~ on|in ~ my|our ~ account|card', 'changed|accessed|logged_in|logged_into|used|made ~ without ~ my|our ~ permission|consent|knowledge|authorisation|authorization',
    'unauthorized|unauthorised ~ access|login|logins|transactions|charges|payments|activity|user|users', 'someone ~ logged into|accessed|took_over|is_using ~ my|our ~ account', 'phishing', 'ransomware', 'malware', 'virus|viruses|trojan|spyware',
    'security incident|breach|vulnerability|issue|threat|alert|flaw', 'identity theft', 'stolen ~ card|data|credentials|identity|laptop|device', 'suspicious ~ activity|access|login|logins|transactions|charges|traffic',
    'exposed|exposing|leaked|leaking ~ data|records|information|credentials|passwords', 'patient|customer|personal|sensitive|medical ~ data|records|information ~ exposed|leaked|compromised|stolen|at_risk|accessed',
    'cyber attack|attacks', 'cyberattack|cyberattacks|cyber-attack|ddos', 'dos attack', 'attack on ~ our', 'under attack', 'fraudulent ~ charges|transactions|activity|payments|orders', 'encrypted our ~ files|data|systems', 'files ~ have_been|were ~ encrypted',
  ],
  calm: [
    'not urgent*', 'non-urgent|nonurgent|non_urgent', "isn't|isnt|is_not|not_that|not_very|not_super|nothing ~ urgent*", 'no rush|hurry|urgency|pressure', 'not in_a hurry|rush', 'whenever you can|have_time|get_a_chance|get_the_chance|are_free',
    'when you get a_chance', 'when you have ~ a_moment|a_minute|time|a_chance', 'not an emergency', 'not critical', 'no need to hurry|rush', 'not time_sensitive|time-sensitive|time_critical|time-critical', 'not a priority',
    'at your convenience', 'in your own time', 'no deadline', 'not pressing', 'can wait', 'low priority', 'take your time', 'not in_any rush|hurry', 'no immediate|urgent ~ need|action|rush',
  ],
  minor: [
    'feature request*', 'feature suggestion*', 'suggestion*', 'it would be nice|great|helpful|useful', 'would be nice|great|cool|helpful|useful if', 'would love to see', 'wish_list|wishlist', 'could you consider',
    'just_curious|out_of_curiosity|i_was_wondering|just_wondering', 'quick|general|small|simple|little question', 'general inquiry|enquiry', 'any plans to', 'is_there_a_way ~ to', 'idea for', 'an idea', 'for future reference', 'no big deal',
    'inquire|enquire|inquiring|enquiring|inquiry|enquiry|information ~ about|regarding|on ~ your ~ services|products|pricing|offerings|solutions|options|packages|plans|prices|rates|capabilities|features|agency|company',
    'i|we ~ would_like|want|wanted|am_writing|are_writing|\'m_writing|\'re_writing ~ to ~ learn|know_more|find_out_more|request_information|request_more_information|request_detailed_information|get_more_information',
    'would_like|need|want|looking_for|request|requesting|receive|appreciate|send_me|send_us|provide_me|provide_us|give_me|give_us ~ more|further|detailed|additional|some ~ information|info ~ about|on|regarding|concerning', 'learn more about', 'could you ~ provide|share|send ~ me|us? ~ information|an_overview|documentation|more_information',
    'seeking|looking_for|asking_for|request|requesting ~ guidance|advice|recommendations|best_practices', 'seeking ~ information', 'guidance on|regarding|about', 'best practices', 'recommendations ~ on|for',
    'general ~ question|questions|inquiry|enquiry|information', 'curious ~ about|whether|if|to_know', 'out of interest',
    'i|we ~ wanted|want ~ to ~ thank|say_thanks|say_thank_you|share_our|share_my|compliment|praise', 'keep up the ~ good|great ~ work', 'great|excellent|outstanding|fantastic|amazing|superb|exceptional customer? service|support|job|work|experience|team',
    'positive experience', 'kudos', 'compliment*', 'pass on my|our thanks|gratitude', 'was|were|has_been|have_been ~ brilliant|amazing|excellent|fantastic|wonderful|outstanding|superb|exceptional|so_helpful|very_helpful|extremely_helpful|incredibly_helpful', 'just an idea', 'would make it ~ even? ~ better|easier', 'would_like|want ~ to ~ suggest|propose', 'suggest|propose ~ adding|that_you|an_improvement|a_feature|a_new', 'opening|office|business|support hours', 'roadmap', 'nice to have', 'learning|knowing|hearing more about',
  ],
  legalThreat: [
    'my lawyer|lawyers|attorney|attorneys|solicitor|solicitors|legal_counsel|legal_team|legal_representative',
    'contact|consult|involve|hire|instruct|engage|call|get|see|speak_to|speak_with|talk_to|forward_this_to|hand_this_over_to|pass_this_to|hand_it_over_to ~ a|my|our ~ lawyer|lawyers|attorney|attorneys|solicitor|solicitors|legal_counsel',
    'lawsuit', 'class action', 'sue|suing you|your|the_company|them', 'sue ~ for ~ damages|compensation', 'legal action|steps|proceedings|recourse|measures|remedies', 'take ~ you|this|it|the_matter|the_company|them ~ to court', 'see you in court', 'court action|case|claim|proceedings',
    'small claims', 'consumer protection|rights', 'trading standards', 'ombudsman', 'better business bureau', 'bbb', 'report ~ you|this|your_company ~ to ~ authorities|police|regulator|ftc|fca|ico|cfpb|attorney_general|consumer_protection',
    'chargeback', 'dispute ~ with ~ my? bank|card_issuer|credit_card_company|paypal', 'breach of contract', 'data protection authority|authorities|regulator', 'supervisory authority', 'file|lodge ~ complaint ~ with ~ authority|authorities|regulator|ftc|ico|bbb|ombudsman|fca',
    '12315',
  ],
  publicThreat: [
    'going|go public', 'social media', 'twitter|tweet', 'trustpilot', 'reddit', 'contact|tell|inform|go_to|speak_to|talk_to|call ~ the? ~ press|media|journalist|journalists|newspaper|newspapers|news|watchdog|bbc', 'tell|warn ~ everyone|everybody|others|friends', 'bad|negative|terrible|awful|honest|scathing review*',
    '1_star|one_star', 'review sites', 'post ~ about ~ this|it ~ online|everywhere', 'post|share|write|put ~ it|this|everything|all_of_this ~ on|online|to ~ facebook|twitter|instagram|tiktok|linkedin|reddit|youtube|social_media', 'yelp',
  ],
  anger: {
    1: ['still waiting', "still no|not|haven't|havent ~ reply|response|answer|received|heard", 'disappoint*', 'frustrat*', 'upset', 'annoyed', 'complain*', 'complaint', 'poor service', 'unfortunately', 'not acceptable'],
    2: [
      'ridiculous', 'disgusting', 'angry', 'terrible', 'horrible', 'awful', 'worst', 'shameful', 'no_one|nobody|noone ~ replied|answered|responded|got_back|replies|answers|responds', 'ignored|ignoring',
      'again and again', 'not happy|satisfied', 'dissatisfied', 'unhappy', 'extremely|very|deeply|really|incredibly ~ disappointed|frustrated|upset|annoyed', 'not|never very|too|really|so|at_all happy|satisfied|pleased', 'second|2nd time ~ writing|i_write|i\'m_writing|i_am_writing|contacting|i_contact|asking|i_ask|calling|i_call|this_has_happened|this_happened|i_have_written|i_have_contacted', 'how many times',
    ],
    3: ['unacceptable', 'disgrace*', 'outrage*', 'furious', 'livid', 'appalling', 'sick_and_tired', 'fed up', 'third|3rd|fourth|4th|fifth|5th|sixth|6th|tenth time|email|mail|message|request|attempt|reminder', 'never again', 'beyond frustrated', 'last straw', 'absolutely ~ unacceptable|ridiculous|disgusting'],
  },
  insult: {
    1: ['damn|damned|goddamn|bloody'],
    2: ['idiot*', 'stupid', 'moron*', 'incompetent', 'useless', 'pathetic', 'scam*', 'fraud|frauds|fraudsters', 'crook*', 'thief|thieves', 'liar|liars', 'rip_off|ripoff|ripped_off', 'crap|crappy', 'shit*', 'fuck*', 'wtf', 'bullshit', 'garbage|trash|rubbish', 'joke', 'clowns'],
  },
  positive: {
    1: ['thank|thanks', 'great', 'appreciate*', 'helpful'],
    2: [
      'thank you so|very much', 'many thanks', 'thanks a lot|million', 'excellent', 'amazing', 'awesome', 'fantastic', 'wonderful', 'well done', 'great job|work|service|support|experience|team', 'happy|satisfied|pleased with',
      'really appreciate*', 'kudos', 'love it|your', 'perfect', 'outstanding', 'exceptional', 'impressed', 'positive experience', 'keep up the good work', 'highly recommend',
      // The praise phrases of `minor`, so that they count as praise too (a longer match hides the words inside it).
      'i|we ~ wanted|want ~ to ~ thank|say_thanks|say_thank_you|share_our|share_my|compliment|praise', 'keep up the ~ good|great ~ work', 'great|excellent|outstanding|fantastic|amazing|superb|exceptional customer? service|support|job|work|experience|team',
      'compliment*', 'pass on my|our thanks|gratitude', 'was|were|has_been|have_been ~ brilliant|amazing|excellent|fantastic|wonderful|outstanding|superb|exceptional|so_helpful|very_helpful|extremely_helpful|incredibly_helpful',
    ],
  },
};
