import type { LanguageLexicon } from './types.js';

/**
 * Portuguese, Brazilian and European (celular/telemóvel, tela/ecrã, boleto/Multibanco,
 * senha/palavra-passe, usuário/utilizador, pedido/encomenda, Correios/CTT): consumer shop mails,
 * often without accents, and formal B2B tickets ("Prezados, venho por meio deste relatar…",
 * "Exmos. Senhores, …"), with the English words people mix in (login, bug, update, app).
 * Words are stemmed, so some everyday words share a stem with another word and are only
 * counted in phrases: "pedido" with "pedir", "troca" with "trocar" (to change), "melhoria"
 * with "melhor", "importar" with "importante", "envio" with "enviar", "conta" with "contar".
 */
export const LEXICON_PT: LanguageLexicon = {
  intents: {
    refund: {
      3: [
        'reembolso', 'estorno', 'ressarcimento', 'devolução', 'devolver ~ dinheiro|valor|produto|produtos|item|artigo|artigos|encomenda|pedido|compra|aparelho',
        'dinheiro de volta', 'meu dinheiro', 'quero ~ dinheiro', 'troca ~ produto|tamanho|item|artigo|peça|cor|modelo|aparelho', 'trocar ~ produto|tamanho|item|artigo|peça|aparelho',
        'solicitar ~ troca', 'pedido de troca', 'fazer a troca', 'direito de arrependimento', 'direito de livre resolução', 'nota de crédito', 'vale-troca', 'refund',
        'cancelar e reembolsar', 'indemnização', 'indenização',
        'valor de volta', 'RMA',
      ],
      2: [
        'devolver', 'arrependimento', 'produto com defeito', 'veio com defeito', 'chegou|veio|recebi|recebido ~ quebrado|quebrada|danificado|danificada|amassado|errado|errada|incompleto|partido|avariado|com_defeito',
        'produto errado', 'tamanho errado', 'artigo errado', 'não corresponde', 'garantia', 'em garantia', 'substituição ~ produto|aparelho|artigo', 'substituir ~ produto|aparelho|artigo',
        'crédito na fatura', 'compensação',
        'substituição',
      ],
      1: ['defeito', 'quebrado', 'danificado', 'dinheiro', 'tamanho', 'troca', 'pós-venda'],
    },
    shipping: {
      3: [
        'entrega', 'rastreio', 'rastreamento', 'código de rastreio', 'código de rastreamento', 'número de rastreio', 'tracking', 'estafeta',
        'atraso na entrega', 'prazo de entrega', 'data de entrega', 'previsão de entrega', 'endereço de entrega', 'morada de entrega', 'saiu para entrega', 'em trânsito',
        'não ~ chegou|chegaram|recebi|recebemos|entregue|entregaram ~ pedido|encomenda|produto|produtos|compra|pacote|encomendas|mercadoria|artigo',
        'pedido|encomenda|pacote|compra|mercadoria ~ não ~ chegou|chegaram|foi_entregue|entregue|apareceu', 'ainda não chegou',
        'onde está ~ pedido|encomenda|pacote|compra', 'status ~ pedido|encomenda|entrega', 'estado ~ encomenda|pedido|entrega', 'situação ~ pedido|encomenda',
        'cancelar ~ pedido|encomenda|compra', 'alterar|mudar|trocar|corrigir ~ endereço|morada', 'alterar ~ pedido|encomenda',
        'número do pedido', 'número da encomenda', 'extraviado', 'alfândega',
        'desalfandegamento', 'taxa alfandegária', 'portes de envio', 'custos de envio', 'os portes', 'frete grátis', 'valor do frete', 'CTT', 'Sedex',
        'Jadlog', 'Loggi', 'Total Express', 'DHL', 'UPS', 'FedEx', 'GLS', 'DPD', 'Mercado Envios', 'ponto de recolha', 'shipping', 'delivery',
      ],
      2: [
        'frete', 'pacote', 'encomenda', 'o envio', 'do envio', 'meu envio', 'seu envio', 'envio do pedido', 'não chegou', 'atraso',
        'meu pedido', 'o pedido', 'seu pedido', 'do pedido', 'nosso pedido', 'um pedido', 'este pedido', 'esse pedido', 'os pedidos', 'meus pedidos', 'postado', 'despachado',
        'endereço', 'mercadoria', 'correio', 'retirar ~ pedido|encomenda|pacote', 'objeto',
        'nunca chegou', 'pedido|pedido_nº|pedido_número|encomenda|encomenda_nº <num>', 'transportadora', 'seguimento', 'nova morada', 'a morada', 'minha morada',
      ],
      1: ['chegar', 'aguardando', 'esperando', 'semanas', 'dias úteis', 'envio'],
    },
    billing: {
      3: [
        'fatura|faturação|faturamento', 'boleto', 'segunda via', 'nota fiscal', 'NF-e', 'NFe', 'recibo', 'invoice', 'billing', 'cobrança', 'cobrança ~ indevida|duplicada|em_duplicidade|errada|a_mais',
        'cobrado|cobrada ~ duas vezes|em dobro|a mais|indevidamente', 'cobraram ~ duas vezes|em dobro|a mais', 'cobrança em dobro', 'pagamento ~ recusado|falhou|duplicado|não_aprovado|rejeitado|pendente',
        'falha ~ pagamento', 'erro ~ pagamento', 'cartão ~ recusado|negado|rejeitado', 'forma de pagamento', 'método de pagamento', 'meio de pagamento',
        'débito direto', 'débito automático', 'referência Multibanco', 'IVA', 'valor ~ cobrado|errado|incorreto|indevido|debitado', 'debitado ~ duas vezes|em dobro',
        'comprovante de pagamento', 'pagamento em atraso', 'dados de faturação', 'receipt',
        'proporcionalmente', 'pro rata', 'proporcional ~ fatura|mensalidade|cobrança',
      ],
      2: [
        'cobrado', 'pagamento', 'pagar', 'cartão de crédito', 'cartão de débito', 'Pix', 'Multibanco', 'MB Way', 'PayPal', 'transferência bancária', 'transferência',
        'mensalidade', 'parcela', 'juros', 'multa', 'débito', 'cancelar ~ assinatura|subscrição|plano', 'renovação automática', 'reajuste',
        'aumento ~ preço|mensalidade|valor', 'NIF', 'CNPJ', 'nota de encomenda', 'ordem de compra', 'payment', 'assinatura mensal|anual',
      ],
      1: ['assinatura', 'subscrição', 'valor', 'taxa', 'cartão', 'reais', 'euros', '€', 'R$', 'renovação', 'saldo', 'tarifa'],
    },
    technical: {
      3: [
        'não ~ funciona|funcionam|funcionando|funcionar', 'parou de funcionar', 'deixou de funcionar', 'funciona mal', 'bug', 'bugs', 'crash', 'mensagem de erro', 'código de erro',
        'erro <num>', 'trava', 'congela', 'fecha sozinho', 'reinicia sozinho', 'tela preta|azul|branca|congelada',
        'ecrã preto|negro|azul|branco', 'não liga|acende|inicia|abre|carrega|conecta|sincroniza|responde|arranca|ligou', 'não ~ carrega|carregando|ligando|abrindo|conectando|sincronizando',
        'não consigo ~ instalar|abrir|baixar|descarregar|sincronizar|exportar|importar|imprimir|atualizar|carregar', 'sincronização', 'webhook', 'timeout', 'tempo limite',
        'erro no servidor', 'erro interno', 'conexão ~ internet|rede|wi-fi|wifi|bluetooth|servidor|API|VPN', 'ligação ~ internet|rede|servidor', 'problema técnico', 'suporte técnico',
        'assistência técnica', 'falha técnica', 'reinstalar', 'restaurar ~ fábrica', 'firmware', 'perda de dados', 'após a atualização', 'depois da atualização',
        'desde a atualização', 'apresenta ~ defeito|falha|erro', 'deu defeito', 'avariado', 'avaria',
        'internet|conexão|ligação|fibra|rede|link ~ cai|caiu|caindo|fora',
      ],
      2: [
        'erro', 'erros', 'falha', 'lento', 'lentidão', 'atualização', 'update', 'instalar|instalação', 'configuração', 'integração', 'API', 'servidor', 'software',
        'bateria', 'carregador', 'cabo', 'tela', 'ecrã', 'wi-fi', 'wifi', 'bluetooth', 'navegador', 'versão', 'compatível', 'compatibilidade', 'banco de dados', 'base de dados',
        'exportar', 'importar ~ dados|ficheiro|arquivo|contatos|contactos|planilha|CSV', 'fora do ar', 'caiu', 'instável', 'instabilidade', 'plugin', 'módulo', 'SDK', 'SSL',
        'DNS', 'latência', 'dashboard', 'painel', 'dados ~ sumiram|desapareceram|perdidos', 'reiniciar', 'sensor', 'técnico', 'não deixa', 'não permite',
        'caindo', 'sem internet', 'sem conexão', 'sem sinal',
        'firewall', 'VPN', 'roteador', 'antivírus', 'backup', 'cópia de segurança', 'migração', 'implantação',
      ],
      1: ['aplicativo|aplicação', 'app', 'site', 'plataforma', 'sistema', 'ferramenta', 'aparelho', 'dispositivo', 'equipamento', 'celular', 'telemóvel', 'computador', 'funcionalidade', 'dados', 'arquivo', 'ficheiro', 'impressora', 'baixar', 'manutenção', 'desempenho', 'armazenamento'],
    },
    account: {
      3: [
        'senha', 'palavra-passe', 'palavra passe', 'password', 'login', 'fazer login', 'logar', 'iniciar sessão', 'não consigo ~ entrar|acessar|aceder|logar',
        'acessar ~ conta|perfil', 'aceder ~ conta|perfil', 'entrar ~ conta|perfil', 'conta ~ bloqueada|suspensa|desativada|invadida|hackeada|encerrada|excluída|inacessível|travada',
        'criar ~ conta', 'abrir ~ conta', 'excluir|apagar|encerrar|cancelar|desativar|eliminar|fechar ~ conta', 'unificar ~ contas', 'autenticação de dois fatores',
        'autenticação em dois fatores', 'verificação em duas etapas', '2FA', 'MFA', 'SSO', 'código de verificação', 'código de confirmação',
        'código de segurança', 'código de acesso', 'esqueci ~ senha|palavra-passe|usuário|utilizador', 'redefinir ~ senha|palavra-passe', 'recuperar ~ senha|conta|acesso|palavra-passe',
        'nome de usuário', 'nome de utilizador', 'alterar|mudar|trocar|atualizar ~ e-mail|email', 'account',
      ],
      2: [
        'conta', 'cadastro', 'perfil', 'usuário', 'utilizador', 'autenticação', 'verificação', 'permissões', 'deslogado', 'invadida', 'hackeada',
        'adicionar|incluir|remover ~ usuário|usuários|utilizador|utilizadores', 'acesso negado', 'endereço de e-mail|email',
        'minha conta',
      ],
      1: ['acesso', 'aceder', 'código', 'sessão'],
    },
    sales: {
      3: [
        'orçamento', 'cotação', 'proposta comercial', 'tabela de preços', 'lista de preços', 'quanto custa', 'qual o preço', 'qual é o preço', 'qual o valor',
        'preço de', 'demonstração', 'demo', 'teste grátis', 'teste gratuito', 'período de teste', 'versão de teste', 'período de avaliação',
        'gostaria|gostaríamos|queremos|quero|desejo|desejamos|pretendo|pretendemos|precisamos ~ comprar|adquirir|contratar|encomendar',
        'interesse em|interessado em|interessada em|interessados em ~ comprar|adquirir|contratar|produto|produtos|serviço|serviços|plano|solução|licenças',
        'fazer um pedido', 'fazer uma encomenda', 'no atacado', 'por atacado', 'por grosso', 'atacadista', 'revenda', 'revendedor', 'distribuidor', 'parceria', 'catálogo',
        'equipe comercial', 'departamento comercial', 'setor comercial', 'departamento de vendas', 'consultor comercial', 'gestor comercial', 'antes de comprar',
        'em estoque', 'em stock', 'tem estoque', 'sem estoque', 'fora de estoque', 'número de licenças', 'licenças adicionais', 'plano empresarial', 'plano corporativo',
        'plano enterprise', 'plano empresa', 'desconto por volume', 'preço por volume', 'licitação', 'pricing',
      ],
      2: [
        'preço', 'custo', 'desconto', 'cupom', 'cupão', 'promoção', 'oferta', 'licença', 'contratar', 'adquirir', 'disponibilidade',
        'estoque', 'volume', 'vendas', 'comercial', 'tenho interesse', 'temos interesse', 'interessado em', 'upgrade', 'mudar ~ plano ~ superior|premium|pro',
        'sob medida', 'à medida', 'ficha técnica', 'folheto', 'proposta',
      ],
      1: ['comprar', 'plano', 'disponível', 'unidades', 'produtos', 'quantidade'],
    },
    complaint: {
      3: [
        'péssimo atendimento', 'mau atendimento', 'atendimento ~ péssimo|horrível|ruim|lamentável|terrível|demorado|vergonhoso|deplorável', 'serviço ~ péssimo|horrível|lamentável|deplorável',
        'ninguém ~ responde|atende|resolve|retorna|ajuda', 'sem retorno', 'nenhum retorno', 'nenhuma resposta', 'sem resposta',
        'descaso', 'falta de respeito', 'mal-educado', 'mal educado', 'grosseiro', 'grosseria', 'desligaram ~ na cara', 'desligou na cara', 'muito decepcionado',
        'insatisfeito', 'falta de profissionalismo', 'abrir ~ reclamação', 'registrar ~ reclamação', 'fazer ~ reclamação', 'apresentar ~ queixa',
        'demora ~ resposta|respostas|atendimento|suporte', 'respostas ~ demorando|demoram', 'qualidade ~ caiu|piorou',
        'não respondem|retornam|atendem|resolvem', 'não me ~ respondem|retornam|atendem|responderam|retornaram',
        'impossível falar com|contatar|contactar', 'ninguém atende',
      ],
      2: [
        'reclamação', 'queixa', 'absurdo', 'inaceitável', 'vergonha', 'lamentável', 'indignado', 'decepcionado',
        'decepção', 'cansado de', 'farto', 'descontente', 'desrespeito', 'incompetência', 'desastre',
        'tempo de resposta', 'piorou',
      ],
      1: ['ainda aguardo', 'várias vezes', 'mais uma vez', 'responsável', 'supervisor', 'gerente'],
    },
    feedback: {
      3: [
        'sugestão', 'sugestões', 'sugiro', 'gostaria de sugerir', 'proposta de melhoria', 'sugestão de melhoria', 'ideia de melhoria', 'feedback', 'elogio',
        'parabéns', 'parabenizar', 'excelente atendimento', 'ótimo atendimento', 'excelente serviço', 'muito satisfeito', 'totalmente satisfeito', 'nota 10',
        'nota dez', 'nova funcionalidade', 'nova função', 'seria ~ ótimo|bom|útil|interessante|legal|incrível|ideal ~ se|poder|ter|que', 'poderiam ~ adicionar|incluir|acrescentar|implementar',
        'deixar ~ avaliação', 'minha opinião sobre', 'quero agradecer', 'gostaria de agradecer',
      ],
      2: [
        'ideia', 'sugerir', 'melhorias', 'opinião', 'avaliação', 'satisfeito', 'adorei', 'amei', 'recomendo', 'excelente', 'maravilhoso', 'fantástico',
        'perfeito', 'impecável', 'incrível', 'pesquisa de satisfação', 'rapidez', 'profissionalismo', 'muito contente',
      ],
      1: ['ótimo', 'contente', 'gentil', 'eficiente', 'rápido', 'muito obrigado', 'muitíssimo obrigado'],
    },
  },
  context: [
    // Politeness formulas: they close every mail, angry or not.
    'obrigado pela atenção', 'obrigado pela ajuda', 'obrigado pela compreensão', 'obrigado pelo retorno',
    'obrigado pela resposta', 'obrigado pela paciência', 'desde já agradeço', 'desde já obrigado', 'agradeço desde já', 'agradeço antecipadamente',
    'agradeço a atenção', 'agradeço a ajuda', 'agradeço pela atenção', 'agradeço pela ajuda', 'agradeço a compreensão', 'agradeço o retorno',
    'muito obrigado pela atenção', 'muito obrigado pela ajuda', 'fico no aguardo', 'fico a aguardar',
    'aguardo retorno', 'aguardo o retorno', 'aguardo seu retorno', 'aguardo o seu retorno', 'aguardo vosso retorno', 'aguardo o vosso contacto', 'aguardo resposta',
    'aguardo a sua resposta', 'aguardo sua resposta', 'no aguardo', 'breve retorno', 'retorno breve', 'fico à disposição', 'estou à disposição',
    'à disposição', 'à vossa disposição', 'qualquer dúvida', 'atenciosamente', 'cumprimentos', 'melhores cumprimentos', 'com os melhores cumprimentos', 'cordialmente',
    'um abraço', 'abraços', 'bom dia', 'boa tarde', 'boa noite', 'bom trabalho', 'tenha um ótimo dia', 'Enviado do meu iPhone', 'Enviado do meu', 'Enviado a partir do',
    // "conta" that is no login account.
    'conto com vocês', 'conto com a vossa', 'conto com a sua', 'contar com', 'por conta de', 'por conta própria', 'dar conta', 'me dei conta', 'dei conta', 'levar em conta',
    'tomar conta', 'conta bancária', 'conta corrente', 'conta poupança', 'número da conta', 'número de conta', 'titular da conta', 'dados bancários',
    'na minha conta bancária', 'prestação de contas', 'número de cliente',
    // Other words that mean something else here.
    'pedido de desculpas', 'peço desculpa', 'a pedido de', 'em troca', 'troca de e-mails', 'troca de emails', 'trocar ideias', 'na minha opinião',
    'não faço ideia', 'correio eletrônico', 'correio electrónico', 'newsletter', 'descadastrar', 'deixar de receber', 'currículo', 'vaga de emprego',
    'candidatura espontânea', 'destinatário errado', 'por engano', 'linha de comando',
    'fatura do cartão', 'fatura do meu cartão', 'não estou reclamando',
    'folha de pagamento', 'holerite', 'contracheque',
  ],
  tone: {
    urgency: [
      'urgente', 'urgência', 'com urgência', 'o mais rápido possível', 'o quanto antes', 'o mais breve possível', 'com a maior brevidade', 'com brevidade', 'imediatamente', 'de imediato',
      'sem demora', 'prioridade máxima', 'alta prioridade', 'prioritário', 'ainda hoje', 'hoje ainda', 'até amanhã', 'para amanhã', 'para hoje', 'ASAP', 'crítico',
      'não consigo trabalhar', 'não conseguimos trabalhar', 'estou parado', 'estamos parados', 'estou bloqueado', 'estamos bloqueados', 'prazo final', 'data limite',
      'preciso ~ hoje|urgente|já', 'o mais depressa possível',
      'priorizar', 'com prioridade', 'hoje mesmo', 'preciso muito', 'confirmem hoje', 'estou travado|parado|bloqueado', 'até ~ segunda|terça|quarta|quinta|sexta|sábado|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira',
    ],
    critical: [
      'fora do ar', 'sistema caiu', 'site caiu', 'servidor caiu', 'plataforma caiu', 'caiu ~ tudo|sistema|servidor|site|plataforma', 'serviço indisponível', 'sistema indisponível',
      'plataforma indisponível', 'site indisponível', 'servidor indisponível', 'fora de serviço', 'pane geral', 'todos os usuários', 'todos os utilizadores', 'nenhum usuário',
      'nenhum utilizador', 'ninguém consegue ~ acessar|aceder|entrar|trabalhar|usar', 'produção ~ parada|parou|fora|afetada|bloqueada', 'ambiente de produção', 'operação parada',
      'paralisado', 'invadida', 'hackeada', 'acesso não autorizado',
      'vazamento de dados', 'fuga de dados', 'violação de dados', 'brecha de segurança', 'incidente de segurança', 'falha de segurança', 'vulnerabilidade', 'fraude',
      'fraudulento', 'cartão clonado', 'clonaram', 'roubo de identidade', 'phishing', 'ransomware', 'perda de dados', 'dados ~ perdidos|apagados|expostos|vazados', 'outage',
      'nenhum dos nossos ~ usuários|clientes|utilizadores', 'todos os nossos ~ usuários|clientes|utilizadores', 'HTTP 503', 'erro 502|503|504', 'Service Unavailable', 'pessoas paradas', 'equipe parada', 'empresa parada', 'escritório parado', 'totalmente fora',
    ],
    calm: [
      'não é urgente', 'nada urgente', 'sem urgência', 'não há urgência', 'não tem urgência', 'não é prioritário', 'não é crítico', 'sem pressa', 'não há pressa', 'não tem pressa',
      'quando puderem', 'quando tiverem tempo', 'quando tiverem um tempinho', 'com calma', 'sem stress', 'quando for possível', 'quando lhes for possível',
    ],
    minor: [
      'sugestão', 'sugiro', 'uma ideia', 'proposta de melhoria', 'sugestão de melhoria', 'seria ótimo', 'seria bom', 'seria interessante', 'seria legal', 'por curiosidade',
      'só uma dúvida', 'apenas uma dúvida', 'uma dúvida rápida', 'dúvida geral', 'pergunta geral', 'apenas curiosidade', 'a título informativo', 'feedback', 'parabéns',
      'nova funcionalidade', 'excelente atendimento', 'muito satisfeito',
      'elogio',
      'adorei', 'amei', 'recomendo', 'nota 10', 'super atencioso', 'parabenizar', 'foi um amor',
    ],
    legalThreat: [
      'advogado', 'meu advogado', 'processo judicial', 'ação judicial', 'entrar na justiça', 'na justiça', 'tribunal', 'juizado',
      'pequenas causas', 'Procon', 'consumidor.gov', 'Código de Defesa do Consumidor', 'defesa do consumidor', 'DECO', 'livro de reclamações', 'ASAE', 'chargeback',
      'contestar ~ cobrança|compra', 'medidas legais', 'vias legais', 'medidas judiciais', 'notificação extrajudicial', 'denúncia', 'ANATEL', 'Banco Central',
      'BACEN', 'ANPD', 'CNPD', 'departamento jurídico',
      'vou processar', 'processar ~ empresa|vocês|loja', 'entrar com ~ processo|ação',
    ],
    publicThreat: [
      'redes sociais', 'Reclame Aqui', 'ReclameAqui', 'Portal da Queixa', 'avaliação negativa', 'má avaliação', 'uma estrela', '1 estrela', 'Trustpilot', 'no Google', 'no Twitter',
      'no Facebook', 'no Instagram', 'no TikTok', 'imprensa', 'jornalista', 'mídia', 'tornar público', 'viralizar', 'contar a todos', 'expor ~ empresa',
    ],
    anger: {
      3: [
        'inaceitável', 'um absurdo', 'absurdo', 'vergonhoso', 'uma vergonha', 'revoltante', 'estou farto', 'terceira vez', 'quarta vez', 'enésima vez', 'nunca mais',
        'furioso', 'descaso', 'palhaçada', 'falta de respeito', 'cansado de esperar',
      ],
      2: [
        'péssimo', 'horrível', 'lamentável', 'ridículo', 'ninguém responde', 'sem retorno', 'nenhum retorno', 'sem resposta', 'irritado',
        'insatisfeito', 'indignado', 'muito decepcionado', 'segunda vez', 'desrespeito',
        'muito chateado', 'estou chateado', 'fiquei chateado', 'bastante chateado',
      ],
      1: ['infelizmente', 'decepcionado', 'decepção', 'mais uma vez', 'várias vezes', 'ainda aguardo', 'continuo aguardando', 'continuo esperando', 'reclamação', 'queixa', 'até agora nada'],
    },
    insult: {
      2: [
        'golpe', 'golpistas', 'ladrões', 'enganação', 'pilantras', 'incompetentes', 'inúteis', 'merda', 'porcaria', 'lixo', 'bosta', 'vigaristas', 'caloteiros', 'safados',
        'idiotas', 'porra', 'caralho', 'burla', 'vigarice',
      ],
      1: ['droga'],
    },
    positive: {
      2: [
        'excelente', 'ótimo atendimento', 'maravilhoso', 'fantástico', 'perfeito', 'impecável', 'parabéns', 'muito satisfeito', 'adorei', 'amei', 'recomendo',
        'nota 10', 'nota dez', 'incrível', 'muitíssimo obrigado', 'super atenciosos',
      ],
      1: ['obrigado', 'muito obrigado', 'valeu', 'ótimo', 'gentil', 'eficiente', 'rápido', 'satisfeito', 'grato'],
    },
  },
};
