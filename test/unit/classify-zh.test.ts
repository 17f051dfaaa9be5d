import { describe, expect, it } from 'vitest';
import { classifyText, itClassifiesEach, type ClassifyCase } from '../support/classify-cases.js';

/**
 * Chinese mails as customers write them, in Simplified and Traditional script (Taiwan and
 * Hong Kong usage, written Cantonese included), from one-line shop mails to formal B2B
 * tickets: one or more per intent and priority, and the hard cases the zh lexicon is
 * written for (politeness that must not decide, words that mean something else in context,
 * a subject contradicted by the body). Written for this test, not taken from the evaluation set.
 */

const CASES: ClassifyCase[] = [
  // refund
  {
    name: 'refund: faulty earphones, wants a return and the money back',
    subject: '耳机左边没声音',
    text: '上周在旗舰店买的蓝牙耳机，左耳一直没有声音，我不想修了，直接申请退货退款可以吗？',
    category: 'refund',
    priority: 'normal',
  },
  {
    name: 'refund: status of a refund',
    subject: '退款进度',
    text: '您好，我3号申请的退款，到现在还没到账，帮忙看一下进度，谢谢。',
    category: 'refund',
    priority: 'normal',
  },
  {
    name: 'refund (Taiwan): return a jacket that does not fit',
    subject: '退貨',
    text: '你好，我收到的外套尺寸太大，想辦理退貨，請問要寄到哪個地址？',
    category: 'refund',
    priority: 'normal',
    script: 'Hant',
  },
  {
    name: 'refund (Hong Kong, Cantonese): angry and wants it now (high)',
    subject: '點解仲未退錢',
    text: '我兩個禮拜前已經將貨寄返畀你哋，到而家都未退錢，好嬲，請即刻處理。',
    category: 'refund',
    priority: 'high',
    script: 'Hant',
  },
  {
    name: 'refund (B2B): unused months of an annual subscription',
    subject: '年费退费申请',
    text: '贵司好，我司于今年3月购买了年度订阅，因业务调整需提前终止合同，请问剩余月份的费用是否可以退还？需要提供哪些材料？',
    category: 'refund',
    priority: 'normal',
  },
  // shipping
  {
    name: 'shipping: tracking has not moved',
    subject: '快递三天没动',
    text: '我的订单物流信息三天都没有更新了，一直显示在中转站，麻烦帮我查一下。',
    category: 'shipping',
    priority: 'normal',
  },
  {
    name: 'shipping (Taiwan): change the delivery address before it ships',
    subject: '改收件地址',
    text: '訂單還沒出貨，可以幫我把收件地址改成公司嗎？',
    category: 'shipping',
    priority: 'normal',
    script: 'Hant',
  },
  {
    name: 'shipping (Hong Kong, Cantonese): when will it arrive',
    subject: '幾時到',
    text: '我上星期訂咗部咖啡機，到而家仲未收到，想問下幾時會送到？',
    category: 'shipping',
    priority: 'normal',
    script: 'Hant',
  },
  {
    name: 'shipping: cancel an order not yet shipped',
    subject: '取消订单',
    text: '刚下的单买错颜色了，还没发货的话麻烦帮我取消订单。',
    category: 'shipping',
    priority: 'normal',
  },
  // billing
  {
    name: 'billing: VAT invoice issued with a wrong company name',
    subject: '发票开错了',
    text: '上个月的增值税专用发票抬头开错了，公司名称少了一个字，麻烦作废重开。',
    category: 'billing',
    priority: 'normal',
  },
  {
    name: 'billing (Taiwan): charged twice',
    subject: '重複扣款',
    text: '這個月的月費被刷了兩次，請幫我確認並處理。',
    category: 'billing',
    priority: 'normal',
    script: 'Hant',
  },
  {
    name: 'billing: cancelled auto-renewal still charged',
    subject: '自动续费',
    text: '我明明已经取消了自动续费，这个月还是被扣了88元，怎么回事？',
    category: 'billing',
    priority: 'normal',
  },
  {
    name: 'billing (Hong Kong): unknown item on the bill',
    subject: '費用疑問',
    text: '你好，我上個月帳單入面多咗一項叫「增值服務費」嘅收費，我冇申請過呢個服務，想問下係咩嚟？',
    category: 'billing',
    priority: 'normal',
    script: 'Hant',
  },
  // technical
  {
    name: 'technical (B2B): report export fails with an error code',
    subject: '导出报表报错',
    text: '你好，从今天早上开始，后台导出销售报表时一直提示错误代码E1023，换了Chrome和Edge都一样，请帮忙排查。',
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'technical (B2B): data integration job keeps failing',
    subject: '数据仓库同步任务失败',
    text: '贵司技术支持团队：您好！我司使用贵司的数据集成平台，将MySQL业务库每日同步至数据仓库。自11月3日起，凌晨2点的定时任务连续三天执行失败，日志中提示连接被重置，重试后偶尔成功。请协助排查原因，如需日志我们可以提供。感谢您的支持！此致 敬礼',
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'technical: a phone that does not charge is technical, not billing',
    subject: '充不进电',
    text: '您好，我的扫地机器人放在充电座上充不进电，指示灯一直闪红灯，已经清洁过触点了，请问是不是电池坏了？',
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'technical (Hong Kong, Cantonese): phone will not charge',
    subject: '手機充唔到電',
    text: '部手機用咗三個月，而家充唔到電，換咗充電線都係一樣。',
    category: 'technical',
    priority: 'normal',
    script: 'Hant',
  },
  {
    name: 'technical (Taiwan): app crashes after the update',
    subject: 'App閃退',
    text: '更新到最新版本之後，App一打開就閃退，手機是iPhone 13。',
    category: 'technical',
    priority: 'normal',
    script: 'Hant',
  },
  // account
  {
    name: 'account (Taiwan): forgotten password, reset mail never arrives',
    subject: '忘記密碼',
    text: '我忘記了登入密碼，重設密碼的信一直收不到，請問該怎麼辦？',
    category: 'account',
    priority: 'normal',
    script: 'Hant',
  },
  {
    name: 'account: change the e-mail bound to the account',
    subject: '更换绑定邮箱',
    text: '我想把账号绑定的邮箱换成公司邮箱，请问在哪里操作？',
    category: 'account',
    priority: 'normal',
  },
  {
    name: 'account: delete the account and personal data',
    subject: '删除账号',
    text: '请注销我的账号并删除我的全部个人信息。',
    category: 'account',
    priority: 'normal',
  },
  {
    name: 'account (B2B): single sign-on set-up',
    subject: 'SSO 单点登录配置',
    text: '我们正在为员工配置基于SAML的单点登录，按照文档配置后跳转回来提示“签名无效”，请问证书需要怎么上传？',
    category: 'account',
    priority: 'normal',
  },
  // sales
  {
    name: 'sales (B2B): quote for the enterprise edition',
    subject: '企业采购咨询',
    text: '您好，我们公司有300名员工，想了解一下你们企业版的报价，是否支持私有化部署？',
    category: 'sales',
    priority: 'normal',
  },
  {
    name: 'sales (Hong Kong, Cantonese): in stock and how much',
    subject: '有冇貨',
    text: '請問呢款白色嘅有冇貨？幾多錢？',
    category: 'sales',
    priority: 'normal',
    script: 'Hant',
  },
  {
    name: 'sales (Taiwan): bulk purchase with an education discount',
    subject: '批量購買',
    text: '我們學校想購買50台平板，請問有教育優惠嗎？能否提供報價單？',
    category: 'sales',
    priority: 'normal',
    script: 'Hant',
  },
  {
    name: 'sales (marketing services): price of a managed campaign',
    subject: '营销服务报价',
    text: '您好，我们是一家连锁餐饮品牌，计划明年在小红书和抖音做整合营销，想了解贵司的代运营服务包含哪些内容、收费标准如何，能否发一份报价方案？',
    category: 'sales',
    priority: 'normal',
  },
  {
    name: 'sales: "order" in a question before buying',
    subject: '下单前咨询',
    text: '下单前想确认一下，这款产品买10件以上有没有折扣？',
    category: 'sales',
    priority: 'normal',
  },
  // complaint
  {
    name: 'complaint: rude support agent, formal',
    subject: '客服态度',
    text: '上次打电话咨询，客服态度很差，说话很不耐烦，问题也没解决，希望你们加强培训。',
    category: 'complaint',
    priority: 'normal',
  },
  {
    name: 'complaint: nobody answers, angry (high)',
    subject: '一直没人回复',
    text: '我已经发了三封邮件了，一直没人回复，你们的客服是摆设吗？太过分了！',
    category: 'complaint',
    priority: 'high',
  },
  // feedback
  {
    name: 'feedback: praise and a feature idea (low)',
    subject: '功能建议',
    text: '用了半年，整体很好用。有个小建议：希望能增加批量导入联系人的功能。',
    category: 'feedback',
    priority: 'low',
  },
  {
    name: 'feedback (Hong Kong, Cantonese): thanks to an agent (low)',
    subject: '多謝',
    text: '多謝你哋嘅同事耐心咁幫我搞掂，服務好好，值得讚！',
    category: 'feedback',
    priority: 'low',
    script: 'Hant',
  },
  {
    name: 'feedback: praise for an agent (low)',
    subject: '表扬客服',
    text: '想表扬一下客服小陈，耐心又专业，非常满意！',
    category: 'feedback',
    priority: 'low',
  },
  // other
  {
    name: 'other: opening hours (low)',
    subject: '工作时间',
    text: '请问你们的客服工作时间是几点到几点？',
    category: 'other',
    priority: 'low',
  },
  // urgent
  {
    name: 'urgent: outage for all users',
    subject: '系统全部宕机',
    text: '紧急！从上午10点开始整个系统宕机，所有用户都无法登录，我们门店现在都没法收银，请立即处理！',
    category: 'technical',
    priority: 'urgent',
  },
  {
    name: 'urgent (B2B): production API times out for everyone',
    subject: '【紧急】生产环境API大面积超时',
    text: '您好，从今天14:20开始，我们生产环境调用贵司支付网关的接口大面积超时，成功率从99%下降到30%左右，影响所有线上用户下单。请立即安排工程师处理，并告知预计恢复时间。',
    category: 'technical',
    priority: 'urgent',
  },
  {
    name: 'urgent: stolen account',
    subject: '账号被盗',
    text: '我的账号被盗了，对方改了密码还绑定了别的手机号，请马上帮我冻结。',
    category: 'account',
    priority: 'urgent',
  },
  {
    name: 'urgent (Taiwan): data leak to other customers',
    subject: '資料外洩',
    text: '我們發現其他客戶可以看到我們的訂單資料，這是嚴重的資料外洩，請立即處理。',
    category: 'technical',
    priority: 'urgent',
    script: 'Hant',
  },
  {
    name: 'urgent: fraudulent card charges',
    subject: '信用卡被盗刷',
    text: '今天凌晨我的信用卡在你们平台被盗刷了三笔，我本人没有下单，请马上冻结相关订单！',
    category: 'billing',
    priority: 'urgent',
  },
  {
    name: 'urgent: lawyer over a refund',
    subject: '再不退款就起诉',
    text: '已经等了一个月还没退款，如果本周内再不处理，我会请律师起诉你们。',
    category: 'refund',
    priority: 'urgent',
  },
  {
    name: 'urgent (Hong Kong): Consumer Council',
    subject: '消委會',
    text: '如果你哋再唔退錢，我會去消委會投訴。',
    category: 'refund',
    priority: 'urgent',
    script: 'Hant',
  },
  {
    name: 'urgent (Taiwan): consumer protection officer',
    subject: '消保官',
    text: '你們一直亂扣我的月費，再不處理我就找消保官。',
    category: 'billing',
    priority: 'urgent',
    script: 'Hant',
  },
  // low and high
  {
    name: 'low: "no rush" hides the urgency word',
    subject: '有空再回',
    text: '发票抬头想改一下，不着急，有空的时候处理就行。',
    category: 'billing',
    priority: 'low',
  },
  {
    name: 'low (Taiwan): curious question, no rush',
    subject: '隨便問問',
    text: '純屬好奇，你們的產品以後會不會推出深色模式？不急，有空回覆就好。',
    category: 'other',
    priority: 'low',
    script: 'Hant',
  },
  {
    name: 'high: demo tomorrow, back office down for this customer',
    subject: '今天必须解决',
    text: '明天就要给客户演示了，现在后台打不开，麻烦尽快帮忙看一下！',
    category: 'technical',
    priority: 'high',
  },
  {
    name: 'high: parcel needed by Friday',
    subject: '急用',
    text: '这个包裹我急用，周五前一定要送到，请帮忙加急。',
    category: 'shipping',
    priority: 'high',
  },
  {
    name: 'high: third mail about a double charge, angry',
    subject: '太过分',
    text: '第三次写信了，重复扣款到现在还没处理，忍无可忍！',
    category: 'billing',
    priority: 'high',
  },
  // context: words inside other phrases, politeness, the subject
  {
    name: 'a bank account number is not a login account',
    subject: '银行账号变更',
    text: '我们公司的银行账号变更了，以后付款请打到新的账户，附件是新的开户行信息。',
    category: 'billing',
    priority: 'normal',
  },
  {
    name: 'politeness does not decide, "after logging in" is not a login problem',
    subject: '登录后白屏',
    text: '登录后页面一直白屏，什么都点不了，麻烦您了，先谢谢！',
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'a subject naming the account is outweighed by a body about a crash',
    subject: '关于账号',
    text: '你们的App更新后一打开就闪退，重装也不行，提示错误代码0x80。',
    category: 'technical',
    priority: 'normal',
  },
  {
    name: '"a satisfying answer" is not praise',
    subject: '退款',
    text: '退款申请两周了还没处理，希望你们给我一个满意的答复。',
    category: 'refund',
    priority: 'normal',
  },
  {
    name: 'thanks and politeness around a shipping question stay shipping',
    subject: '感谢并询问物流',
    text: '谢谢您上次的帮助。想再问一下，我昨天下的订单什么时候可以发货？麻烦您了。',
    category: 'shipping',
    priority: 'normal',
  },
];

describe('Chinese mails', () => {
  itClassifiesEach('zh', CASES);

  it('reads politeness formulas as context that scores nothing', () => {
    const result = classifyText('', '先谢谢！麻烦您了，期待您的回复。');
    expect(result.category).toBe('other');
    expect(result.sentiment).toBe('neutral');
    expect(result.reasons.find(({ code }) => code === 'intent')?.detail).toContain('not counted');
  });

  it('names the Traditional and Simplified words it matched', () => {
    const traditional = classifyText('帳號問題', '我的帳號登入不了，密碼重設之後還是不行。');
    expect(traditional.category).toBe('account');
    expect(traditional.reasons.find(({ code }) => code === 'intent')?.detail).toMatch(/"帳號".*"登入不了"|"登入不了".*"帳號"/);
    const simplified = classifyText('账号问题', '我的账号登录不了，密码重置之后还是不行。');
    expect(simplified.category).toBe('account');
    expect(simplified.script).toBe('Hans');
  });
});
