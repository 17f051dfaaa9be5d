import type { IntentName } from './intents.js';

/**
 * Keyword lexicons of the built-in intents, in English, Chinese and Japanese.
 * Syntax of a term: see terms.ts (`*` prefix, `a|b` alternatives, `_` a space
 * inside an alternative, `~` gap of up to three words, `word?` optional,
 * `<num>` a number; CJK terms are substrings). Weights: 3 = names the topic on its own ("refund", "退款",
 * "返金"), 2 = typical of the topic, 1 = a hint that only counts together with
 * others. A match inside a longer match is not counted ("cancel ~ account"
 * hides "account"), so specific phrases win over their parts.
 *
 * Written as a customer would write, not after one data set: the English
 * figures were checked against half of the Bitext sample (see local/eval.ts),
 * the Chinese and Japanese lists come from how customers of shops and
 * software companies write in those languages.
 */
export type WeightedTerms = Partial<Record<1 | 2 | 3, readonly string[]>>;
export interface IntentLexicon {
  en: WeightedTerms;
  zh: WeightedTerms;
  ja: WeightedTerms;
}

export const INTENT_LEXICONS: Record<IntentName, IntentLexicon> = {
  refund: {
    en: {
      3: [
        'refund*', 'reimburs*', 'money back', 'my money', 'full refund', 'return policy', 'return label', 'returns policy',
        'return|send|ship ~ it|them|item|items|product|products|order back', 'return|returning ~ item|items|product|products|order|purchase|parcel|package',
        'rma', 'chargeback*', 'credit ~ back', 'refund|return ~ request',
      ],
      2: ['return|returns|returned|returning', 'reimbursement*', 'rebat*', 'compensat*', 'exchange|exchanged', 'cashback'],
      1: ['defective', 'damaged', 'faulty', 'wrong ~ item|size|product|colour|color', 'replacement', 'restitution'],
    },
    zh: {
      3: ['退款', '退货', '退钱', '退费', '退換', '退换', '退回', '返还', '退货地址', '售后', '七天无理由', '7天无理由', '换货', '仅退款', '把钱退'],
      2: ['赔偿', '补偿', '质量问题', '坏了', '破损', '发错'],
      1: ['退', '钱', '元', '块钱'],
    },
    ja: {
      3: ['返金', '返品', '払い戻し', '払戻', '返還', '交換', '返送', '返却', 'キャンセル料を返', 'お金を返'],
      2: ['不良品', '初期不良', '破損', '補償', '代金'],
      1: ['円', 'キャンセル', '間違った商品', '違う商品'],
    },
  },
  shipping: {
    en: {
      3: [
        'shipping', 'shipment*', 'tracking', 'track|tracking ~ order|orders|package|parcel|shipment|delivery', 'courier', 'dispatch*', 'parcel*',
        'order|purchase <num>', 'where_is|wheres ~ order|package|parcel|stuff|item|items|delivery|purchase', 'order|purchase status', 'status of ~ order|purchase|package|delivery',
        'in transit', 'out for delivery', 'delivery date|time|period|address|options|fee', 'shipping|delivery|postal|mailing address',
        'cancel|cancelling|canceling|cancellation ~ order|purchase', 'change|changing|modify|modifying|edit|editing|update|updating|add|adding|remove|removing|swap|swapping|switch|switching ~ order|purchase', 'order|ordering from',
        "not|never|hasnt|hasn't|havent|haven't|didnt|didn't|still ~ arrived|arrive|received|receive|delivered|shipped", 'lost ~ mail|post|package|parcel',
        'fedex', 'ups', 'dhl', 'usps', 'royal mail', 'postal service', 'post office', 'eta',
      ],
      2: ['ship|ships|shipped', 'deliver*', 'package|packages', 'arriv*', 'postage', 'customs', 'delayed|delay', 'address', 'expect ~ order|package|item|delivery|product|shipment|purchase|parcel', 'how soon', 'my|the last|recent|latest? purchase|purchases'],
      1: ['order|orders|ordered', 'item|items', 'late', 'wait|waiting', 'purchase'],
    },
    zh: {
      3: ['快递', '物流', '发货', '配送', '送货', '运单', '单号', '包裹', '到货', '收货', '签收', '派送', '顺丰', '中通', '圆通', '申通', '韵达', '京东物流', 'ems', '没收到', '还没到', '没到货', '取消订单', '修改订单', '改地址', '收货地址', '什么时候到', '寄到'],
      2: ['地址', '运费', '邮寄', '寄', '海关', '清关', '丢件', '丢了', '延迟', '催单', '物流信息', '订单号'],
      1: ['订单', '下单', '等了'],
    },
    ja: {
      3: ['配送', '発送', '届かない', '届いていない', '届きません', '届いておりません', '未着', '配達', '追跡', '出荷', 'お届け', '宅配', 'ヤマト', '佐川', '日本郵便', 'ゆうパック', '注文をキャンセル', '注文の変更', 'お届け先', '配送先', '到着'],
      2: ['荷物', '住所', '送料', '届', '遅延', '遅れ', '注文番号', '発送状況', '着日'],
      1: ['注文', 'ご注文', '商品'],
    },
  },
  billing: {
    en: {
      3: [
        'invoic*', 'billing', 'billed', 'overcharg*', 'charged ~ twice|double|again|wrong|incorrectly', 'double|duplicate charge*', 'payment method*', 'payment option*',
        'direct debit', 'cancellation|termination|exit|withdrawal ~ fee|fees|charge|charges|penalty|penalties', 'early termination', 'card ~ declined|rejected|refused',
        'payment ~ failed|declined|error|errors|issue|issues|problem|problems|trouble', 'bank transfer', 'wire transfer', 'receipt*',
      ],
      2: ['bill|bills', 'charge|charges|charged|charging', 'payment|payments', 'pay|paying', 'credit card', 'debit card', 'fee|fees', 'penalt*', 'vat', 'paypal', 'subscription fee', 'statement', 'transaction*', 'declined'],
      1: ['paid', 'subscription*', 'renew*', 'tax', 'card', 'price'],
    },
    zh: {
      3: ['发票', '账单', '扣款', '扣费', '重复扣', '多扣', '开票', '税号', '收据', '付不了款', '支付失败', '付款失败', '无法支付', '专票', '普票', '电子发票', '对账'],
      2: ['付款', '支付', '收费', '费用', '信用卡', '续费', '自动续费', '银行卡', '转账', '汇款', '账户余额', '扣了', '支付宝', '微信支付', '违约金', '手续费'],
      1: ['订阅', '金额', '价格'],
    },
    ja: {
      3: ['請求書', '請求', '領収書', '引き落とし', '二重請求', '二重に', 'インボイス', '明細', '決済エラー', '支払いができ', '支払えない', '振込', '口座振替'],
      2: ['支払い', '支払', 'お支払い', '決済', 'クレジットカード', '料金', '課金', '解約金', '違約金', '手数料', '税'],
      1: ['カード', '金額', '更新'],
    },
  },
  technical: {
    en: {
      3: [
        'bug|bugs|buggy', 'crash*', 'error message', 'not working', "doesnt|doesn't|does_not|isnt|isn't|is_not|wont|won't|will_not|cant|can't|cannot|unable_to ~ work|working|load|loading|open|opening|connect|start|install|sync|launch|boot",
        'glitch*', 'outage', 'troubleshoot*', 'technical', 'malfunction*', 'stopped working', 'keeps crashing', 'blank|white|black screen', 'error code', 'timed_out|timeout',
        'app|application ~ crash*|freez*|broken|not_working|keeps_crashing', 'website|site|page ~ down|broken|not_working|not_loading', 'firmware', 'reinstall*',
      ],
      2: ['error|errors', 'freez*|frozen|hangs|hanging', 'install*', 'broken', 'software', 'server', 'api', 'update|updated|upgrade ~ app|software|version|firmware', 'compatible|compatibility', 'slow', 'browser', 'device'],
      1: ['app|apps', 'website|site', 'loading', 'version', 'settings', 'screen', 'feature', 'link', 'fix'],
    },
    zh: {
      3: ['报错', '故障', '打不开', '闪退', '崩溃', '无法使用', '不能用', '用不了', '无法打开', '无法连接', '连不上', '连接不上', '白屏', '黑屏', '死机', '卡死', '系统异常', '出错', '错误代码', '加载不出来'],
      2: ['错误', '异常', '卡顿', '安装', '升级', '更新后', '软件', '网站', '网页', '页面', '系统', '服务器', '接口', '兼容', '失灵'],
      1: ['设置', '功能', '手机', '电脑', '版本'],
    },
    ja: {
      3: ['エラー', '不具合', 'バグ', '動かない', '動きません', '起動しない', '起動しません', '接続できない', '接続できません', 'フリーズ', '固まる', '故障', '落ちる', '表示されない', '表示されません', '使えない', '使えません', '障害', '不正終了'],
      2: ['インストール', 'アップデート', '再起動', 'アプリ', 'ソフト', 'サーバー', '画面', '読み込', '遅い', '動作'],
      1: ['設定', '機能', 'バージョン', 'ブラウザ'],
    },
  },
  account: {
    en: {
      3: [
        'login|logon|signin', 'log|sign in|on|into', 'password*|passcode|pwd', 'username|user_name|userid|user_id', 'locked out', 'two_factor|2fa|mfa',
        'verification ~ code|email|link', 'create|creating|open|opening|delete|deleting|close|closing|deactivate|cancel|cancelling|remove|removing|register|registering|setup|set_up|make ~ account|profile',
        'change|changing|edit|editing|update|updating|modify|modifying|switch|switching ~ account|profile|email_address', 'account ~ locked|hacked|suspended|blocked|disabled|deleted|details|settings|information|info|data',
        'forgot|forgotten|lost|reset|recover|restore|retrieve ~ password|pwd|pin|username|key|access', 'sign_up|signup|registration|registering', 'personal ~ details|information|data',
      ],
      2: ['account|accounts', 'profile', 'register|registered', 'credentials', 'verify|verification', 'pin', 'premium|platinum|gold|pro|freemium|standard|free ~ account|plan|profile', 'email address', 'hacked'],
      1: ['user', 'access', 'member|membership', 'reset', 'key'],
    },
    zh: {
      3: ['账号', '帐号', '登录', '登陆', '密码', '注册', '验证码', '用户名', '注销', '找回', '被盗', '锁定', '个人信息', '个人资料', '绑定手机', '换绑', '实名认证', '会员账户'],
      2: ['账户', '帐户', '会员', '绑定', '手机号', '邮箱地址', '认证', '头像', '昵称'],
      1: ['用户', '信息'],
    },
    ja: {
      3: ['アカウント', 'ログイン', 'パスワード', '会員登録', '退会', 'サインイン', 'ユーザー名', 'ユーザーid', 'ユーザid', '認証コード', '二段階認証', '再設定', 'ロックされ', '乗っ取', '登録情報', '登録内容', 'マイページ'],
      2: ['会員', '登録', 'メールアドレス変更', 'メールアドレスの変更', '認証', 'プロフィール', '暗証番号'],
      1: ['ユーザー', 'メールアドレス'],
    },
  },
  sales: {
    en: {
      3: [
        'pricing', 'price list', 'quote|quotation', 'how much', 'demo', 'free trial', 'volume|bulk|wholesale ~ discount|pricing|order', 'reseller', 'distributor', 'enterprise ~ plan|pricing|license',
        'place|placing|make|making ~ order|purchase', 'to|wanna|can_i|could_i|how_do_i|where_can_i|where_to order|buy|purchase', 'buy|buying|purchase|purchasing|acquire ~ item|items|product|products|article|articles|license|licenses|units',
        'interested in', 'sales team', 'speak|talk ~ sales', 'in stock', 'out of stock', 'catalog|catalogue|brochure', 'partnership',
      ],
      2: ['price|prices', 'cost|costs', 'discount*', 'trial', 'wholesale', 'bulk', 'buy|buying', 'purchase|purchasing', 'acquire', 'shop|shopping', 'upgrade', 'license|licence', 'availability', 'offer|offers', 'sales', 'plans', 'coupon*', 'promo|promotion'],
      1: ['plan', 'available', 'product|products', 'article|articles', 'enterprise', 'business'],
    },
    zh: {
      3: ['报价', '多少钱', '价格', '询价', '报价单', '批发', '采购', '团购', '代理', '经销', '试用', '演示', '有货吗', '有现货', '想买', '购买', '下单购买', '合作'],
      2: ['优惠', '折扣', '打折', '套餐', '价钱', '库存', '现货', '购买', '企业版', '升级', '促销', '优惠券'],
      1: ['产品', '商品', '方案'],
    },
    ja: {
      3: ['見積', '見積もり', 'お見積り', '価格', '値段', '料金プラン', '資料請求', '導入', '購入したい', '購入を検討', '在庫', '法人向け', 'デモ', 'トライアル', '卸', '代理店'],
      2: ['購入', '割引', 'クーポン', 'キャンペーン', 'プラン', '値引', '販売'],
      1: ['商品', '製品', '検討'],
    },
  },
  complaint: {
    en: {
      3: [
        'complain*', 'complaint*', 'file|lodge|make|submit|raise ~ claim|claims|grievance', 'reclamation', 'poor|bad|terrible|awful|horrible ~ service|experience|quality|support',
        'unacceptable', 'dissatisfied', 'not happy|satisfied', 'unhappy', 'disgusted|disgusting', 'ripped off',
      ],
      2: ['disappoint*', 'terrible', 'horrible', 'awful', 'worst', 'rude', 'frustrat*', 'ridiculous', 'outrage*', 'angry|furious', 'fed up', 'escalat*', 'scam', 'fraud', 'never again', 'grievance', 'claim against'],
      1: ['claim', 'manager', 'supervisor', 'still waiting', 'upset', 'annoyed'],
    },
    zh: {
      3: ['投诉', '不满意', '太差', '差劲', '垃圾', '骗子', '欺骗', '服务态度', '态度恶劣', '消协', '消费者协会', '12315', '举报', '维权', '曝光'],
      2: ['失望', '不满', '气愤', '生气', '恶心', '坑人', '太过分', '过分', '无语', '差评'],
      1: ['态度', '还没人', '一直没'],
    },
    ja: {
      3: ['苦情', 'クレーム', '最悪', '対応が悪', 'ふざけるな', 'ふざけんな', '許せない', '消費者センター', '消費生活センター', '不誠実'],
      2: ['ひどい', '酷い', '不満', '失望', 'がっかり', '不愉快', '詐欺', 'ありえない', 'あり得ない', '責任者', '激怒', '残念'],
      1: ['遺憾', '何度も'],
    },
  },
  feedback: {
    en: {
      3: [
        'feedback', 'leave|write|post|submit|send|give ~ review|reviews|feedback|comment|comments|opinion|testimonial', 'suggestion*', 'feature request', 'compliment*', 'kudos',
        'great|excellent|amazing|fantastic|wonderful|outstanding|awesome|superb ~ service|job|support|experience|product|team|work', 'well done', 'keep up the good work', 'testimonial',
        'was|were|is|are|been amazing|excellent|fantastic|wonderful|outstanding|superb|brilliant|so_helpful|very_helpful|extremely_helpful',
      ],
      2: ['review|reviews', 'suggest', 'opinion', 'comment|comments', 'love|loved', 'survey', 'rating|rate', 'improve|improvement', 'recommend', 'appreciate*', 'satisfied|happy|pleased with', 'idea|ideas'],
      1: ['excellent', 'great', 'amazing', 'thank you so much', 'helpful'],
    },
    zh: {
      3: ['建议', '反馈', '好评', '表扬', '点赞', '非常满意', '很满意', '意见反馈', '提个意见'],
      2: ['满意', '感谢', '很好用', '体验', '评价', '希望增加', '希望能', '改进', '赞'],
      1: ['谢谢', '不错'],
    },
    ja: {
      3: ['ご意見', '感想', 'ご要望', '要望', '提案', 'フィードバック', 'レビュー', '口コミ', '大変満足', 'お礼'],
      2: ['満足', '素晴らしい', '改善', '感謝', '助かりました', '評価', '使いやすい'],
      1: ['ありがとうございました', '良かった'],
    },
  },
  other: {
    en: {
      3: ['newsletter*', 'unsubscrib*', 'mailing list', 'subscribe|subscribing|sign_up|signup|register|join ~ newsletter*|mailing_list', 'opening|business|office|service hours', 'human|live|real ~ agent|person|representative|operator|being|human'],
      2: [
        'talk|speak|chat|call ~ to|with ~ someone|somebody|human|person|agent|representative|operator|assistant|customer_service|customer_support',
        'contact|reach ~ customer_service|customer_support|support|someone|somebody|you', 'phone number', 'operator', 'representative',
      ],
      1: ['contact', 'customer service|support|assistance', 'agent', 'hours'],
    },
    zh: {
      3: ['人工客服', '转人工', '客服电话', '营业时间', '工作时间', '邮件订阅', '取消订阅邮件'],
      2: ['人工', '客服', '联系方式', '电话'],
    },
    ja: {
      3: ['メルマガ', 'メールマガジン', '配信停止', '営業時間', '受付時間', 'オペレーター'],
      2: ['担当者', '電話番号', '問い合わせ窓口'],
    },
  },
};
