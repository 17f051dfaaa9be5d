import { describe } from 'vitest';
import { itClassifiesEach, type ClassifyCase } from '../support/classify-cases.js';

const CASES: ClassifyCase[] = [
  // One everyday mail per intent.
  {
    name: 'refund: a returned item not refunded yet',
    subject: '환불 문의',
    text: '안녕하세요. 지난주에 운동화를 반품했는데 아직 환불이 안 들어왔습니다. 언제쯤 카드로 환불되는지 알려주세요.',
    category: 'refund',
    priority: 'normal',
  },
  {
    name: 'shipping: an order that has not arrived',
    subject: '배송 문의',
    text: '주문한 지 일주일이 지났는데 아직 안 왔어요. 송장번호로 조회해 보니 계속 배송 준비중으로 나옵니다. 확인 부탁드립니다.',
    category: 'shipping',
    priority: 'normal',
  },
  {
    name: 'billing: a formal request about a tax invoice',
    subject: '세금계산서 재발행 요청',
    text: '안녕하십니까. 10월분 세금계산서의 사업자등록번호가 잘못 기재되어 있습니다. 올바른 정보로 재발행해 주시고, 청구 금액도 계약서 기준으로 다시 확인 부탁드립니다.\n\n경영지원팀 드림',
    category: 'billing',
    priority: 'normal',
  },
  {
    name: 'technical: an integration failing since an update (B2B)',
    subject: 'ERP 연동 오류',
    text: '안녕하세요, 귀사 솔루션을 사용 중인 개발팀입니다. 지난 업데이트 이후 저희 ERP와의 동기화가 계속 실패하고 있습니다. 로그에는 401 에러가 찍히고 신규 주문이 시스템에 반영되지 않습니다. API 키는 이미 확인했습니다. 점검 부탁드립니다.',
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'account: a forgotten password',
    subject: '비밀번호',
    text: '비밀번호를 잊어버려서 재설정 메일을 요청했는데 메일이 오지 않습니다. 로그인을 할 수가 없어요.',
    category: 'account',
    priority: 'normal',
  },
  {
    name: 'sales: a quote for licences',
    subject: '견적 요청',
    text: '안녕하세요. 직원 50명 규모의 회사입니다. 귀사 서비스 도입을 검토 중이라 50명 기준 연간 라이선스 견적을 받고 싶습니다. 가능하면 데모도 요청드립니다.',
    category: 'sales',
    priority: 'normal',
  },
  {
    name: 'complaint: rude staff and no answer',
    subject: '상담원 응대',
    text: '고객센터에 세 번이나 전화했는데 상담원이 너무 불친절했습니다. 메일로 문의해도 답변이 없네요. 정말 실망입니다.',
    category: 'complaint',
    priority: 'high',
  },
  {
    name: 'feedback: a feature idea, no rush',
    subject: '기능 제안',
    text: '앱 잘 쓰고 있습니다. 장바구니를 가족과 공유하는 기능이 있으면 좋겠어요. 급한 건 아니고 그냥 제안드립니다.',
    category: 'feedback',
    priority: 'low',
  },
  {
    name: 'feedback: praise',
    subject: '칭찬합니다',
    text: '주문 다음 날 바로 받았고 포장도 꼼꼼했어요. 채팅 상담해 주신 분도 너무 친절하셔서 칭찬 드리고 싶습니다. 최고예요!',
    category: 'feedback',
    priority: 'low',
  },
  // Politeness does not decide.
  {
    name: 'politeness: thanks and "수고하세요" in a shipping mail',
    subject: '배송지 변경',
    text: '안녕하세요. 어제 주문한 건 배송지를 회사 주소로 변경하고 싶습니다. 미리 감사드립니다. 수고하세요!',
    category: 'shipping',
    priority: 'normal',
  },
  // Words that mean something else in context.
  {
    name: 'context: a phone that does not charge is technical, not billing',
    subject: '휴대폰',
    text: '어제부터 휴대폰 충전이 안 됩니다. 케이블을 두 개 바꿔 봤는데도 배터리가 1%에서 올라가지 않아요.',
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'context: a bank account number in a refund mail is not a login account',
    subject: '환불 계좌',
    text: '카드가 해지되어서 환불은 계좌로 받고 싶습니다. 계좌번호는 국민은행 123-456-7890 입니다.',
    category: 'refund',
    priority: 'normal',
  },
  {
    name: 'context: "아이디어" is an idea, not an ID',
    subject: '의견',
    text: '좋은 아이디어가 있어서 연락드려요. 주문 내역을 달력으로 볼 수 있는 기능이 추가되면 좋겠습니다.',
    category: 'feedback',
    priority: 'low',
  },
  // A strong subject contradicted by the body.
  {
    name: 'subject: "결제" but the body is a login problem',
    subject: '결제 관련',
    text: '결제 내역을 보려고 했는데 로그인이 안 됩니다. 아이디와 비밀번호를 맞게 입력해도 계속 틀렸다고 나와요.',
    category: 'account',
    priority: 'normal',
  },
  // Urgent: outage, security, legal.
  {
    name: 'urgent: an outage written calmly',
    subject: '서비스 접속 불가',
    text: '오늘 오전 9시부터 모든 사용자가 관리자 페이지에 접속할 수 없습니다. 503 오류가 뜨고 업무가 전부 중단된 상태입니다.',
    category: 'technical',
    priority: 'urgent',
  },
  {
    name: 'urgent: a hacked account',
    subject: '계정 해킹',
    text: '제 계정이 해킹당한 것 같습니다. 비밀번호가 바뀌어 있고 제가 하지 않은 주문이 두 건 있습니다.',
    category: 'account',
    priority: 'urgent',
  },
  {
    name: 'urgent: a legal threat over a refund',
    subject: '환불 요청',
    text: '두 달째 환불을 기다리고 있습니다. 이번 주 안에 처리되지 않으면 한국소비자원에 신고하고 법적 조치를 하겠습니다.',
    category: 'refund',
    priority: 'urgent',
  },
  // High: urgent wording, anger.
  {
    name: 'high: a deadline today',
    subject: '긴급 요청',
    text: '오늘까지 영수증이 꼭 필요합니다. 회계 마감이라 최대한 빨리 보내 주세요.',
    category: 'billing',
    priority: 'high',
  },
  {
    name: 'high: an angry refund mail',
    subject: '환불',
    text: '불량품 환불을 3주째 기다리고 있어요. 정말 어이가 없네요. 도대체 언제 처리해 주실 건가요?',
    category: 'refund',
    priority: 'high',
  },
  // Low: a general question.
  {
    name: 'low: a curious question',
    subject: '궁금한 점',
    text: '안녕하세요, 그냥 궁금해서요. 회사 이름은 무슨 뜻인가요?',
    category: 'other',
    priority: 'low',
  },
];

describe('Korean mail', () => {
  itClassifiesEach('ko', CASES);
});
