import { describe } from 'vitest';
import { itClassifiesEach, type ClassifyCase } from '../support/classify-cases.js';

const CASES: ClassifyCase[] = [
  // One everyday mail per intent (Brazilian and European Portuguese).
  {
    name: 'refund: a returned item not refunded yet (Brazil)',
    subject: 'Estorno não apareceu',
    text: 'Olá,\n\nDevolvi o fone de ouvido há 15 dias, a coleta foi feita pelos Correios e até agora o estorno não apareceu no meu cartão. Podem verificar?\n\nObrigada,\nLarissa',
    category: 'refund',
    priority: 'normal',
  },
  {
    name: 'shipping: a late order (Portugal)',
    subject: 'Encomenda em atraso',
    text: 'Boa tarde, fiz uma encomenda há oito dias e o seguimento dos CTT continua sem atualização. Podem dizer-me quando vai ser entregue?',
    category: 'shipping',
    priority: 'normal',
  },
  {
    name: 'billing: a duplicated charge (formal, Brazil)',
    subject: 'Cobrança em duplicidade',
    text: 'Prezados,\n\nIdentificamos na fatura de março duas cobranças do plano Business no mesmo dia. Solicitamos a correção e o envio da nota fiscal correta, além do cancelamento do boleto duplicado.\n\nAtenciosamente,\nFinanceiro',
    category: 'billing',
    priority: 'normal',
  },
  {
    name: 'technical: an integration failing since an update (B2B)',
    subject: 'Erro na integração com o ERP',
    text: 'Prezada equipe de suporte,\n\nDesde a última atualização do conector, a sincronização entre a plataforma de vocês e o nosso ERP falha: o log mostra o código de erro 401 em todas as tentativas e os pedidos novos não aparecem mais no nosso sistema. Já conferimos a chave da API.\n\nPodem verificar?\n\nAtenciosamente,\nRicardo, coordenador de TI',
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'account: a forgotten password (Portugal)',
    subject: 'Acesso à conta',
    text: 'Olá, esqueci-me da palavra-passe e o e-mail para a redefinir nunca chega. Não consigo iniciar sessão na aplicação.',
    category: 'account',
    priority: 'normal',
  },
  {
    name: 'sales: a quote for licences',
    subject: 'Pedido de orçamento',
    text: 'Bom dia,\n\nSomos uma empresa com 70 colaboradores e estamos avaliando a ferramenta de vocês. Poderiam enviar um orçamento para 70 licenças no plano anual e agendar uma demonstração com o comercial?\n\nObrigado',
    category: 'sales',
    priority: 'normal',
  },
  {
    name: 'complaint: slow and rude support',
    subject: 'Atendimento péssimo',
    text: 'Liguei três vezes e a atendente foi grosseira comigo. Mandei e-mail e ninguém responde. Estou muito decepcionado com o atendimento de vocês.',
    category: 'complaint',
    priority: 'high',
  },
  {
    name: 'feedback: a feature idea, no rush',
    subject: 'Sugestão para o app',
    text: 'Oi, uso o app todo dia e tenho uma sugestão: seria ótimo se desse para compartilhar as listas com a família. Não é urgente, é só uma ideia.',
    category: 'feedback',
    priority: 'low',
  },
  {
    name: 'feedback: praise',
    subject: 'Parabéns!',
    text: 'Queria parabenizar a equipe: o pedido chegou em um dia, bem embalado, e o rapaz do chat foi super atencioso. Excelente atendimento, recomendo!',
    category: 'feedback',
    priority: 'low',
  },
  // Politeness does not decide.
  {
    name: 'politeness: "obrigado pela atenção" and "desde já agradeço" in a shipping mail',
    subject: 'Endereço de entrega',
    text: 'Bom dia,\n\nPreciso alterar o endereço de entrega do pedido 558812, mudei de apartamento.\n\nDesde já agradeço. Obrigado pela atenção!\nAtenciosamente,\nPaulo',
    category: 'shipping',
    priority: 'normal',
  },
  // Words that mean something else in context.
  {
    name: 'context: a phone that does not charge is technical, not billing',
    subject: 'Celular',
    text: 'Meu celular não carrega desde ontem. Já testei dois cabos e outro carregador, a tela acende mas a bateria fica em 1%.',
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'context: a bank account number in a refund mail is not a login account',
    subject: 'Reembolso por transferência',
    text: 'Olá, como cancelei a reserva, seguem os dados bancários para o reembolso: conta corrente 12345-6, agência 0001. Levem em conta que o cartão antigo foi cancelado.',
    category: 'refund',
    priority: 'normal',
  },
  {
    name: 'context: a future bulk order is sales',
    subject: 'Pedido de 400 unidades',
    text: 'Boa tarde, gostaríamos de comprar 400 canecas personalizadas para um congresso em maio. Qual o preço por volume e o prazo de produção?',
    category: 'sales',
    priority: 'normal',
  },
  // A strong subject contradicted by the body.
  {
    name: 'subject: "Fatura" but the body is a login problem',
    subject: 'Fatura',
    text: 'Olá, queria baixar minha fatura mas não consigo fazer login: diz que a senha está incorreta e o código de verificação nunca chega.',
    category: 'account',
    priority: 'normal',
  },
  // Urgent: outage, security, legal.
  {
    name: 'urgent: an outage written calmly',
    subject: 'Plataforma fora do ar',
    text: 'Bom dia,\n\nDesde as 8h a plataforma está fora do ar para todos os usuários: a página de login retorna erro 503 e a equipe não consegue trabalhar.\n\nAtenciosamente',
    category: 'technical',
    priority: 'urgent',
  },
  {
    name: 'urgent: a hacked account',
    subject: 'Conta invadida',
    text: 'Alguém entrou na minha conta, trocou o e-mail e fez duas compras com o meu cartão. Não consigo mais acessar a conta.',
    category: 'account',
    priority: 'urgent',
  },
  {
    name: 'urgent: a legal threat over a refund',
    subject: 'Último aviso',
    text: 'Há dois meses aguardo o reembolso de R$ 600. Se não for resolvido esta semana, vou registrar queixa no Procon e o meu advogado vai entrar com ação.',
    category: 'refund',
    priority: 'urgent',
  },
  // High: urgent wording, anger.
  {
    name: 'high: a deadline today',
    subject: 'Urgente: nota fiscal',
    text: 'Preciso da nota fiscal da compra de ontem ainda hoje, o fechamento contábil é à tarde. Por favor, enviem o mais rápido possível.',
    category: 'billing',
    priority: 'high',
  },
  {
    name: 'high: an angry refund mail',
    subject: 'Reembolso',
    text: 'Isso é um absurdo! Três semanas esperando o reembolso de um produto com defeito. Estou farto das desculpas de vocês.',
    category: 'refund',
    priority: 'high',
  },
  // Low: a general question.
  {
    name: 'low: a curious question',
    subject: 'Uma dúvida',
    text: 'Olá, por curiosidade: de onde vem o nome da marca? Obrigado!',
    category: 'other',
    priority: 'low',
  },
];

describe('Portuguese mail', () => {
  itClassifiesEach('pt', CASES);
});
