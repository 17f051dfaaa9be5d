import { describe, expect, it } from 'vitest';
import { classifyText, itClassifiesEach, type ClassifyCase } from '../support/classify-cases.js';

/**
 * Japanese mails as customers write them, from casual shop mails to formal B2B tickets
 * (お世話になっております … 何卒よろしくお願い申し上げます): one or more per intent and
 * priority, and the hard cases the ja lexicon is written for (politeness that must not decide,
 * words that mean something else in context, a subject contradicted by the body).
 * Written for this test, not taken from the evaluation set.
 */

const CASES: ClassifyCase[] = [
  // refund
  {
    name: 'refund: colour differs from the photo',
    subject: '返品について',
    text: '先週届いたワンピースですが、写真と色がかなり違ったので返品して返金していただけますか。',
    category: 'refund',
    priority: 'normal',
  },
  {
    name: 'refund: defective on arrival, wants an exchange',
    subject: '初期不良',
    text: '購入したばかりの電気ケトルが初期不良で電源が入りません。新品と交換していただけますでしょうか。',
    category: 'refund',
    priority: 'normal',
  },
  {
    name: 'refund: cancelled but not yet refunded',
    subject: '返金のご確認',
    text: '10月分の注文をキャンセルしたのですが、まだ返金されていないようです。ご確認をお願いいたします。',
    category: 'refund',
    priority: 'normal',
  },
  {
    name: 'refund (B2B): services not delivered',
    subject: '未提供分の返金について',
    text: '弊社は9月に1年分のアノテーション業務の費用を前払いしておりますが、貴社体制変更により3割程度しか納品されておりません。社内で協議の結果、契約を終了し、未納品分の返金をお願いしたく存じます。',
    category: 'refund',
    priority: 'normal',
  },
  // shipping
  {
    name: 'shipping: order not arrived, tracking not updated',
    subject: '商品が届きません',
    text: '11月1日に注文した商品がまだ届きません。追跡番号で調べても情報が更新されていないのですが、どうなっていますか。',
    category: 'shipping',
    priority: 'normal',
  },
  {
    name: 'shipping: change the delivery address',
    subject: '配送先の変更',
    text: '発送前でしたら、お届け先を実家の住所に変更していただけますか。',
    category: 'shipping',
    priority: 'normal',
  },
  {
    name: 'shipping: cancel an order not yet shipped',
    subject: '注文のキャンセル',
    text: '間違えて同じものを2つ注文してしまいました。発送前なら1つ分の注文をキャンセルしたいです。',
    category: 'shipping',
    priority: 'normal',
  },
  {
    name: 'shipping (B2B): shipment date and slip number',
    subject: '機器の出荷予定',
    text: '先週発注したハンディスキャナー20台について、契約では今週出荷予定となっておりますが、現在の状況と送り状番号を教えていただけますか。',
    category: 'shipping',
    priority: 'normal',
  },
  // billing
  {
    name: 'billing: reissue an invoice with the new company name',
    subject: '請求書の再発行',
    text: '先月分の請求書の宛名が旧社名になっておりました。お手数ですが、新社名で再発行をお願いできますでしょうか。',
    category: 'billing',
    priority: 'normal',
  },
  {
    name: 'billing: debited twice',
    subject: '二重に引き落とされている',
    text: '今月の月額料金がクレジットカードから2回引き落とされています。確認して1回分を返してもらえますか。',
    category: 'billing',
    priority: 'normal',
  },
  {
    name: 'billing: qualified invoice registration number',
    subject: 'インボイス対応',
    text: '御社の請求書は適格請求書の要件を満たしていますでしょうか。登録番号の記載をお願いしたいです。',
    category: 'billing',
    priority: 'normal',
  },
  {
    name: 'billing (marketing services): agency fee higher than the contract',
    subject: '広告運用費の請求について',
    text: 'お世話になっております。今月ご送付いただいた広告運用代行費の請求書ですが、契約書記載の金額と比べて5万円ほど多くなっております。内訳をご確認いただけますでしょうか。よろしくお願いいたします。',
    category: 'billing',
    priority: 'normal',
  },
  // technical
  {
    name: 'technical: app will not start after the update',
    subject: 'アプリが起動しない',
    text: '昨日アップデートしてからアプリが起動しなくなりました。再インストールしても同じです。機種はPixel 7です。',
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'technical (B2B): API timeouts in the stock sync',
    subject: 'API連携エラー',
    text: '御社のAPIを利用して在庫データを連携しておりますが、昨日より一部のリクエストでタイムアウトが発生しております。ログを添付いたしますので、ご確認いただけますでしょうか。',
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'technical (data platform): nightly job fails',
    subject: 'データ連携ジョブの失敗について',
    text: '株式会社〇〇 テクニカルサポート ご担当者様\nいつも大変お世話になっております。株式会社△△の山本でございます。\n貴社データ連携基盤にて、毎日深夜2時に実行しているBigQueryへの連携ジョブが、11月3日より3日連続で失敗しております。弊社側で設定変更は行っておりません。原因のご調査をお願いできますでしょうか。\n何卒よろしくお願い申し上げます。',
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'technical: a tablet that does not charge is technical, not billing',
    subject: '充電できない',
    text: '購入して半年のタブレットが充電できなくなりました。ケーブルを替えても同じです。修理は可能でしょうか。',
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'technical: polite negative form ("できません")',
    subject: '同期されない',
    text: 'スマホアプリとPC版でデータが同期されず、スマホで作成したメモがPCに表示されません。',
    category: 'technical',
    priority: 'normal',
  },
  // account
  {
    name: 'account: cannot log in, account locked?',
    subject: 'ログインできません',
    text: 'パスワードを何度入力してもログインできません。アカウントがロックされているのでしょうか。',
    category: 'account',
    priority: 'normal',
  },
  {
    name: 'account: two-factor codes lost with the old phone',
    subject: '二段階認証',
    text: '機種変更したら二段階認証の認証コードが受け取れなくなりました。どうすればログインできますか。',
    category: 'account',
    priority: 'normal',
  },
  {
    name: 'account: close the account',
    subject: '退会について',
    text: 'サービスを使わなくなったので退会したいです。アカウントと登録情報を削除してください。',
    category: 'account',
    priority: 'normal',
  },
  {
    name: 'account (B2B): SAML single sign-on',
    subject: 'SAML連携の設定',
    text: '社員向けにSAMLによるシングルサインオンを設定しておりますが、リダイレクト後に「署名が無効です」と表示されます。証明書の登録方法をご教示ください。',
    category: 'account',
    priority: 'normal',
  },
  // sales
  {
    name: 'sales (B2B): quote for 50 seats',
    subject: 'お見積りのお願い',
    text: '弊社で50名規模での導入を検討しております。ビジネスプランのお見積りをいただけますでしょうか。',
    category: 'sales',
    priority: 'normal',
  },
  {
    name: 'sales: stock and bulk discount',
    subject: '在庫の確認',
    text: 'こちらの椅子のグレーは在庫ありますか。10脚まとめて購入した場合の割引はありますか。',
    category: 'sales',
    priority: 'normal',
  },
  {
    name: 'sales (marketing services): plans and price list',
    subject: 'サービス内容と料金のご相談',
    text: 'はじめてご連絡いたします。飲食チェーンを運営している会社です。来年度よりInstagram運用を外部に委託したいと考えており、貴社のプラン内容と料金表をお送りいただけますでしょうか。',
    category: 'sales',
    priority: 'normal',
  },
  {
    name: 'sales: "資料請求" (brochure request) is not billing',
    subject: '資料請求',
    text: '法人向けプランの資料請求をしたいです。よろしくお願いいたします。',
    category: 'sales',
    priority: 'normal',
  },
  // complaint
  {
    name: 'complaint: rude operator (high)',
    subject: '対応がひどい',
    text: '電話で問い合わせたところ、オペレーターの態度が最悪でした。話を途中で遮られ、最後は一方的に切られました。',
    category: 'complaint',
    priority: 'high',
  },
  {
    name: 'complaint (B2B): account managers keep changing, formal',
    subject: '運用担当者の変更について',
    text: '弊社はSNS運用代行サービスを契約しておりますが、この3か月で担当者が3回交代し、その都度同じ説明を繰り返しております。また月次レポートの提出も遅れがちで、正直なところ不満を感じております。体制の改善をお願いいたします。',
    category: 'complaint',
    priority: 'normal',
  },
  {
    name: 'complaint: passed around in chat (high)',
    subject: 'チャットサポート',
    text: 'チャットで3回もたらい回しにされ、結局何も解決しませんでした。ひどすぎます。',
    category: 'complaint',
    priority: 'high',
  },
  // feedback
  {
    name: 'feedback: a suggestion (low)',
    subject: 'ご提案',
    text: 'いつも便利に使わせていただいております。一つ提案ですが、ダークモードがあると助かります。',
    category: 'feedback',
    priority: 'low',
  },
  {
    name: 'feedback: thanks for a patient explanation (low)',
    subject: 'お礼',
    text: '先日はお電話で丁寧に説明していただき、本当に助かりました。ありがとうございました。',
    category: 'feedback',
    priority: 'low',
  },
  {
    name: 'feedback: praise for the new screen, with an idea (low)',
    subject: '新しい画面について',
    text: '新しい管理画面、とても見やすくなりました。ダークモードがあればもっと嬉しいです。いつもありがとうございます。',
    category: 'feedback',
    priority: 'low',
  },
  // other
  {
    name: 'other: opening hours (low)',
    subject: '営業時間',
    text: '年末年始の営業時間を教えてください。',
    category: 'other',
    priority: 'low',
  },
  {
    name: 'other: sent to the wrong address; "失礼いたしました" is politeness',
    subject: '送信先の誤り',
    text: '大変失礼いたしました。こちらのメールは取引先宛てのもので、誤って送信してしまいました。破棄していただけますと幸いです。',
    category: 'other',
    priority: 'normal',
  },
  // urgent
  {
    name: 'urgent: server down, no user can log in',
    subject: 'サーバーダウン',
    text: '本日10時頃からサーバーダウンしており、全ユーザーがログインできない状態です。至急ご対応をお願いいたします。',
    category: 'technical',
    priority: 'urgent',
  },
  {
    name: 'urgent (B2B): production payments time out for everyone',
    subject: '【緊急】本番環境でAPIがタイムアウト',
    text: '本日14時20分頃から、本番環境で貴社決済APIへのリクエストが大量にタイムアウトしており、全ユーザーの決済が通らない状態です。至急調査をお願いするとともに、復旧見込みをご連絡ください。',
    category: 'technical',
    priority: 'urgent',
  },
  {
    name: 'urgent: hijacked account',
    subject: '不正ログイン',
    text: '身に覚えのないログイン通知が届き、パスワードが勝手に変更されていました。アカウントが乗っ取られたかもしれません。',
    category: 'account',
    priority: 'urgent',
  },
  {
    name: 'urgent: other customers\' data shown (information leak)',
    subject: '情報漏洩の可能性',
    text: '他社の顧客情報が弊社の管理画面に表示されています。情報漏洩の可能性があるため、早急に調査をお願いします。',
    category: 'technical',
    priority: 'urgent',
  },
  {
    name: 'urgent: card fraud',
    subject: 'カードの不正利用',
    text: '今朝、御社サイトで身に覚えのない決済が3件ありました。私は購入していません。カードの不正利用だと思いますので至急止めてください。',
    category: 'billing',
    priority: 'urgent',
  },
  {
    name: 'urgent: lawyer and small-claims court',
    subject: '弁護士に相談します',
    text: '返金のお約束から1か月経っても入金がありません。このままでは弁護士に相談し、少額訴訟も検討します。',
    category: 'refund',
    priority: 'urgent',
  },
  {
    name: 'urgent: consumer affairs centre',
    subject: '消費生活センター',
    text: '解約したはずなのに毎月請求が続いています。改善されない場合は消費生活センターに相談します。',
    category: 'billing',
    priority: 'urgent',
  },
  // low and high
  {
    name: 'low: "not urgent" hides the urgency word',
    subject: '急ぎません',
    text: '急ぎではありませんが、レポートをPDFで出力する機能の追加予定はありますか。',
    category: 'feedback',
    priority: 'low',
  },
  {
    name: 'low: whenever convenient',
    subject: '領収書の宛名',
    text: '領収書の宛名を変更したいです。お手すきの際にご対応いただければ大丈夫です。',
    category: 'billing',
    priority: 'low',
  },
  {
    name: 'high: needed today',
    subject: '本日中に',
    text: '明日の会議で使う資料が保存できません。本日中に解決したいので、至急確認をお願いします。',
    category: 'technical',
    priority: 'high',
  },
  {
    name: 'high: a gift that must arrive by tomorrow',
    subject: '早く届けて',
    text: 'プレゼント用なので、明日までに届かないと困ります。できるだけ早く発送してください。',
    category: 'shipping',
    priority: 'high',
  },
  {
    name: 'high: blocked from working after logging in',
    subject: '業務に支障',
    text: '本日朝から管理画面にログインした後、レポートが表示されず業務に支障が出ております。早急にご確認ください。',
    category: 'technical',
    priority: 'high',
  },
  {
    name: 'high: asked again and again, angry',
    subject: 'いい加減にして',
    text: '何度問い合わせても返事がありません。いい加減にしてください。',
    category: 'complaint',
    priority: 'high',
  },
  // context: words inside other phrases, politeness, the subject
  {
    name: '"after logging in" is not a login problem; politeness does not decide',
    subject: 'ログイン後にエラー',
    text: 'ログイン後の画面でエラーが表示され、ダッシュボードが開けません。よろしくお願いいたします。',
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'a subject naming the account is outweighed by a body about an upload error',
    subject: 'アカウントについて',
    text: 'アプリを更新してから、写真のアップロードができなくなりました。エラーコードは500です。',
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'thanks around a shipping question stay shipping',
    subject: 'お礼と発送の確認',
    text: '先日はご対応いただきありがとうございました。昨日注文した分はいつ頃発送になりますでしょうか。お手数ですがよろしくお願いいたします。',
    category: 'shipping',
    priority: 'normal',
  },
  {
    name: 'thanks before a return request stay refund',
    subject: '返品希望',
    text: '丁寧にご案内いただき感謝しております。ただ、1週間使ってみてやはり合わないと感じたので、返品させていただきたいです。返送先を教えてください。',
    category: 'refund',
    priority: 'normal',
  },
  {
    name: 'a bank account change is billing, not login',
    subject: '銀行口座の変更',
    text: 'お世話になっております。経理の者です。弊社の振込先の銀行口座が変更になりましたので、ご登録の変更をお願いします。',
    category: 'billing',
    priority: 'normal',
  },
  {
    name: '"カスタマー" does not hide an insult ("カス")',
    subject: 'カスタマーサクセス',
    text: 'カスタマーサクセスのプランについて、料金表を送っていただけますか。',
    category: 'sales',
    priority: 'normal',
  },
];

describe('Japanese mails', () => {
  itClassifiesEach('ja', CASES);

  it('reads politeness formulas as context that scores nothing', () => {
    const result = classifyText('', 'いつもお世話になっております。お忙しいところ恐れ入りますが、よろしくお願いいたします。');
    expect(result.category).toBe('other');
    expect(result.sentiment).toBe('neutral');
    expect(result.reasons.find(({ code }) => code === 'intent')?.detail).toContain('not counted');
  });

  it('"取り急ぎ" (a closing formula) is not urgency', () => {
    const result = classifyText('ご報告', '新しい請求書を受け取りました。取り急ぎご報告まで。');
    expect(result.category).toBe('billing');
    expect(result.priority).toBe('normal');
  });
});
