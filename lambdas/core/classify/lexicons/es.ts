import type { LanguageLexicon } from './types.js';

/**
 * Spanish, from Spain and Latin America (presupuesto/cotización, móvil/celular, fallo/falla,
 * Correos/paquetería): consumer shop mails, often without accents, and formal B2B tickets
 * ("Estimado equipo de soporte, les escribo para reportar una incidencia…"), with the English
 * words people mix in (login, bug, update, tracking). Words are stemmed, so several everyday
 * words share a stem with a verb and are only counted in phrases: "pedido" with "pedir",
 * "envío" with "enviar", "recibo" with "recibir", "cargo" with "cargar", "mejora" with "mejor",
 * "compra" with "compré".
 */
export const LEXICON_ES: LanguageLexicon = {
  intents: {
    refund: {
      3: [
        'reembolso', 'reintegro', 'me devuelvan ~ dinero|importe|pago|plata', 'devolver ~ dinero|importe|pago|plata', 'devolución ~ dinero|importe|pago|producto|artículo|pedido|compra',
        'devolución', 'solicitud de devolución', 'etiqueta de devolución', 'recuperar ~ dinero', 'quiero ~ dinero de vuelta', 'dinero de vuelta',
        'devolver ~ producto|productos|artículo|artículos|pedido|paquete|prenda|equipo|dispositivo|compra',
        'cambio ~ talla|producto|artículo|color|modelo|prenda', 'cambiar ~ talla|producto|artículo|prenda', 'reemplazo ~ producto|artículo|equipo|dispositivo',
        'sustitución ~ producto|artículo|equipo', 'nota de crédito', 'derecho de desistimiento', 'desistimiento', 'derecho de retracto', 'refund',
        'compensación económica', 'indemnización',
        'tardar|tarda|tardará|tardan|demora ~ reembolso|devolución', 'todavía|aún ~ no ~ reembolso|reembolsado|devuelto', 'no he recibido ~ reembolso', 'estado ~ reembolso', 'envío de vuelta', 'nota de abono', 'RMA', 'autorización de devolución',
      ],
      2: [
        'devolver', 'reemplazo', 'producto defectuoso', 'artículo defectuoso', 'llegó|llegaron|vino|recibí ~ roto|rota|dañado|dañada|defectuoso|defectuosa|incompleto|abierto|equivocado',
        'producto equivocado', 'talla equivocada', 'no corresponde', 'no es lo que pedí', 'garantía', 'en garantía', 'compensación', 'abono',
      ],
      1: ['defectuoso', 'roto', 'dañado', 'talla', 'dinero', 'plata', 'etiqueta'],
    },
    shipping: {
      3: [
        'gastos de envío', 'costo de envío', 'envío gratuito', 'estado del envío', 'estado de mi envío', 'número de envío', 'fecha de envío',
        'dirección de envío', 'dirección de entrega', 'fecha de entrega', 'plazo de entrega', 'tiempo de entrega', 'retraso en la entrega',
        'mensajero', 'repartidor', 'número de seguimiento', 'código de seguimiento', 'seguimiento del pedido',
        'seguimiento del paquete', 'seguimiento del envío', 'rastreo', 'rastrear', 'tracking',
        'no ~ llegado|llegó|llega|recibido|entregado ~ pedido|paquete|envío|compra|producto|productos|artículo',
        'pedido|paquete|envío|compra ~ no ~ llegado|llegó|llega|recibido|entregado|aparece', 'nunca llegó', 'sigue sin llegar', 'todavía no llega', 'aún no llega',
        'dónde está ~ pedido|paquete|envío|compra', 'estado de ~ pedido|compra|paquete', 'cancelar ~ pedido|compra', 'anular ~ pedido|compra', 'modificar ~ pedido',
        'cambiar ~ dirección', 'número de pedido', 'en tránsito', 'en reparto', 'aduana',
        'retenido en aduana', 'Correos Express', 'SEUR', 'MRW', 'Nacex', 'GLS', 'DHL', 'UPS', 'FedEx', 'Estafeta', 'Servientrega',
        'Andreani', 'Chilexpress', 'Correo Argentino', 'punto de recogida', 'shipping', 'delivery',
      ],
      2: [
        'paquete', 'enviar ~ pedido|paquete', 'seguimiento', 'no ~ llegado|llega|llegó', 'sin llegar', 'retraso', 'demora',
        'extraviado', 'perdido', 'mi pedido', 'el pedido', 'su pedido', 'del pedido', 'un pedido', 'nuestro pedido', 'este pedido', 'los pedidos', 'mis pedidos',
        'dirección', 'a domicilio', 'mi domicilio', 'recoger ~ paquete|pedido', 'palé', 'palet', 'despacho',
        'mi envío', 'el envío', 'su envío', 'entrega', 'transportista', 'empresa de transporte', 'pedido|pedido_número|pedido_nº|pedido_no <num>', 'oficina de Correos',
      ],
      1: ['llegar', 'esperando', 'semanas', 'días hábiles', 'mercancía', 'albarán'],
    },
    billing: {
      3: [
        'factura|facturación', 'invoice', 'billing', 'cobro ~ duplicado|doble|indebido|incorrecto|erróneo|no_reconocido|desconocido|excesivo',
        'cobraron ~ dos veces|doble|de más', 'me cobraron', 'me han cobrado', 'doble cobro', 'cobro doble',
        'cargo|cargos ~ duplicado|duplicados|doble|indebido|indebidos|no_reconocido|desconocido|desconocidos|extra|adicional|adicionales|automático',
        'un|el|los|este|dos|otro cargo|cargos', 'pago ~ rechazado|fallido|denegado|duplicado', 'error ~ pago', 'tarjeta ~ rechazada|denegada|declinada',
        'método de pago', 'forma de pago', 'medio de pago', 'la domiciliación', 'domiciliación bancaria', 'domiciliación de ~ pago|pagos|recibos',
        'débito automático', 'IVA', 'CFDI', 'boleta', 'comprobante de pago', 'comprobante fiscal', 'datos de facturación', 'datos fiscales', 'razón social',
        'un|el|mi|del|su|este recibo', 'importe ~ incorrecto|cobrado|erróneo', 'monto ~ incorrecto|cobrado|erróneo', 'cobrar ~ de más', 'receipt',
        'prorrateo', 'prorratear',
      ],
      2: [
        'cobro', 'pago', 'tarjeta de crédito', 'tarjeta de débito', 'transferencia bancaria', 'transferencia', 'PayPal', 'Bizum', 'Mercado Pago',
        'cuota', 'mensualidad', 'el|un|del|mismo|este|total importe', 'monto', 'recargo', 'comisión', 'impago', 'deuda', 'saldo pendiente', 'cobranza', 'cancelar ~ suscripción',
        'dar de baja ~ suscripción|servicio|plan', 'baja ~ suscripción|servicio', 'renovación automática', 'NIF', 'CIF', 'RFC', 'orden de compra', 'subida ~ precio|tarifa',
        'aumento ~ precio|tarifa|cuota', 'tarifa aplicada', 'payment', 'suscripción',
      ],
      1: ['tarjeta', 'euros', '€', 'pesos', 'renovación', 'saldo', 'tarifa', 'plan mensual|anual'],
    },
    technical: {
      3: [
        'no funciona', 'dejó de funcionar', 'ha dejado de funcionar', 'funciona mal', 'no anda', 'bug', 'bugs', 'crash',
        'mensaje de error', 'código de error', 'error <num>', 'se cuelga', 'se congela', 'se queda ~ colgado|colgada|congelado|congelada|pegado|cargando',
        'se cierra sola|solo', 'se reinicia', 'pantalla ~ negra|azul|blanca|congelada', 'no|ya_no enciende|arranca|inicia|carga|cargan|abre|sincroniza|responde|conecta|prende',
        'no se|me|le ~ enciende|carga|abre|conecta|sincroniza|inicia|instala|actualiza|prende|cargan|abren', 'avería', 'averiado', 'falla técnica',
        'problema técnico', 'soporte técnico', 'incidencia técnica', 'sincronización', 'webhook', 'timeout', 'tiempo de espera agotado', 'error del servidor',
        'error interno', 'conexión ~ internet|red|wifi|bluetooth|servidor|API|VPN|base_de_datos', 'reinstalar', 'restablecer de fábrica', 'firmware', 'pérdida de datos',
        'después de la actualización', 'desde la actualización', 'tras la actualización',
      ],
      2: [
        'error', 'falla', 'se bloquea', 'se traba', 'lento', 'lentitud', 'actualización', 'update', 'instalar|instalación',
        'configuración', 'integración', 'API', 'servidor', 'software', 'batería', 'cargador', 'cable', 'pantalla', 'wifi', 'bluetooth', 'impresora',
        'navegador', 'versión', 'compatible', 'compatibilidad', 'base de datos', 'exportar', 'importar ~ datos|archivo|archivos|contactos|CSV|Excel', 'descargar', 'no me deja', 'no permite', 'caída', 'se cae',
        'técnico', 'inestable', 'plugin', 'módulo', 'SDK', 'SSL', 'DNS', 'latencia', 'dashboard', 'panel de control', 'datos ~ desaparecido|desaparecieron|perdidos',
        'reiniciar', 'sensor',
        'cortafuegos', 'firewall', 'VPN', 'router', 'enrutador', 'antivirus', 'copia de seguridad', 'respaldo', 'migración', 'despliegue',
      ],
      1: ['aplicación', 'app', 'web', 'página', 'plataforma', 'sistema', 'herramienta', 'dispositivo', 'equipo', 'móvil', 'celular', 'ordenador', 'computadora', 'función', 'datos', 'archivo', 'incidencia', 'bloqueado', 'mantenimiento', 'rendimiento', 'almacenamiento'],
    },
    account: {
      3: [
        'contraseña', 'password', 'clave de acceso', 'iniciar sesión', 'inicio de sesión', 'login', 'loguearme', 'no puedo entrar', 'no puedo acceder',
        'acceder ~ cuenta|perfil', 'acceso ~ cuenta|perfil', 'entrar ~ cuenta|perfil', 'cuenta ~ bloqueada|bloqueado|suspendida|desactivada|hackeada|pirateada|cerrada|eliminada|inhabilitada|inaccesible',
        'crear ~ cuenta', 'abrir ~ cuenta', 'eliminar|borrar|cerrar|cancelar|desactivar ~ cuenta', 'dar de baja ~ cuenta', 'darme de baja', 'unificar ~ cuentas', 'fusionar ~ cuentas',
        'verificación en dos pasos', 'autenticación de dos factores', 'doble factor', 'doble autenticación', '2FA', 'MFA', 'SSO', 'código de verificación',
        'código de seguridad', 'código de acceso', 'olvidé ~ contraseña|clave|usuario', 'restablecer ~ contraseña|clave', 'recuperar ~ contraseña|cuenta|clave|acceso',
        'nombre de usuario', 'usuario y contraseña', 'cambiar|modificar|actualizar ~ correo|email|e-mail', 'cambiar|modificar|actualizar ~ dirección de correo|email|e-mail', 'correo ~ asociado', 'account',
      ],
      2: [
        'cuenta', 'sesión', 'usuario', 'perfil', 'registro', 'autenticación', 'verificación', 'clave', 'permisos', 'roles',
        'agregar|añadir|dar_de_alta ~ usuario|usuarios', 'eliminar ~ usuario|usuarios', 'dirección de correo', 'dirección de email|e-mail', 'acceso denegado', 'desconectado', 'hackeado',
        'mi cuenta',
      ],
      1: ['acceso', 'acceder', 'código'],
    },
    sales: {
      3: [
        'cotización', 'presupuesto', 'lista de precios', 'cuánto cuesta', 'cuánto vale', 'cuál es el precio', 'precio de',
        'demo', 'demostración', 'prueba gratuita', 'versión de prueba', 'periodo de prueba',
        'quisiera|quiero|queremos|quisiéramos|deseo|deseamos|desearía|desearíamos|gustaría|planeamos|pensamos|buscamos comprar|adquirir|contratar|cotizar',
        'interesado en|interesada en|interesados en ~ comprar|adquirir|contratar|producto|productos|servicio|servicios|plan|solución|licencias',
        'hacer un pedido', 'realizar un pedido', 'pedido al por mayor', 'al por mayor', 'mayorista', 'distribuidor', 'revendedor', 'socio comercial',
        'alianza', 'partnership', 'catálogo', 'propuesta comercial', 'oferta comercial', 'equipo comercial', 'equipo de ventas', 'departamento de ventas',
        'área comercial', 'asesor comercial', 'ejecutivo comercial', 'antes de comprar', 'en stock', 'hay stock', 'tienen stock', 'disponibilidad de stock', 'sin stock',
        'número de licencias', 'licencias adicionales', 'plan empresarial', 'plan empresa', 'plan enterprise', 'plan corporativo', 'descuento por volumen', 'precio por volumen',
        'licitación', 'pricing',
      ],
      2: [
        'precio', 'costo', 'cuesta', 'descuento', 'promoción', 'cupón', 'código de descuento', 'oferta', 'licencia',
        'contratar', 'adquirir', 'disponibilidad', 'stock', 'volumen', 'ventas', 'comercial', 'interesado en',
        'mejorar ~ plan', 'cambiar ~ plan ~ superior|premium|pro|empresarial', 'upgrade', 'a medida', 'ficha técnica', 'folleto', 'propuesta',
      ],
      1: ['comprar', 'plan', 'disponible', 'unidades', 'productos'],
    },
    complaint: {
      3: [
        'pésimo servicio', 'mal servicio', 'servicio pésimo', 'servicio deficiente', 'mala atención', 'pésima atención', 'atención ~ pésima|nefasta|horrible|deficiente|lamentable',
        'servicio al cliente ~ pésimo|nefasto|horrible|deficiente|lamentable', 'nadie ~ responde|contesta|atiende|ayuda|soluciona', 'nadie me ~ responde|contesta|atiende|ayuda',
        'no me ~ responden|contestan|atienden|solucionan', 'ninguna respuesta', 'sin ninguna respuesta', 'maleducado', 'grosero', 'descortés',
        'me colgaron', 'muy decepcionado', 'insatisfecho', 'falta de profesionalidad',
        'falta de respeto', 'poner una queja', 'presentar una queja', 'quiero quejarme', 'presentar una reclamación', 'poner una reclamación',
        'muy borde', 'mal trato', 'trato recibido', 'pésimo trato',
        'no lo coge nadie', 'nadie coge', 'nadie lo coge', 'imposible contactar|contactarles|contactarlos|comunicarse|comunicarme', 'no hay forma de contactar',
      ],
      2: [
        'queja', 'reclamación', 'inaceptable', 'vergüenza', 'vergonzoso', 'indignante', 'decepcionado',
        'nefasto', 'servicio lamentable', 'harto', 'sin respuesta', 'ningún seguimiento', 'incompetencia', 'desastre',
        'el trato', 'dejar constancia', 'con desgana',
      ],
      1: ['sigo esperando', 'varias veces', 'otra vez', 'responsable', 'supervisor', 'encargado'],
    },
    feedback: {
      3: [
        'sugerencia', 'sugiero', 'propuesta de mejora', 'sugerencia de mejora', 'idea de mejora', 'posible mejora', 'feedback',
        'felicitaciones', 'felicidades', 'enhorabuena', 'los felicito', 'les felicito', 'excelente servicio', 'excelente atención', 'muy buena atención', 'gran trabajo',
        'buen trabajo', 'muy satisfecho', 'totalmente satisfecho', 'dejar una reseña', 'dejar mi opinión', 'mi opinión sobre', 'nueva funcionalidad',
        'nueva función', 'solicitud de funcionalidad', 'sería ~ genial|útil|ideal|estupendo|práctico|interesante|bueno ~ que|poder|si|tener|contar',
        'podrían ~ añadir|agregar|incluir|incorporar', 'me gustaría proponer', 'me encantaría que', 'quería agradecer', 'agradecer ~ atención|trabajo|equipo|ayuda ~ excelente|increíble|rápida',
      ],
      2: [
        'idea', 'sugerir', 'proponer', 'mejoras', 'opinión', 'reseña', 'valoración', 'comentarios', 'satisfecho', 'encantado',
        'excelente', 'genial', 'fantástico', 'estupendo', 'maravilloso', 'perfecto', 'impecable', 'recomiendo', 'los recomiendo', 'recomendaré', 'encuesta de satisfacción',
        'me encanta', 'muy contento', 'rapidez', 'profesionalidad',
      ],
      1: ['contento', 'amable', 'eficiente', 'rápido', 'muchas gracias', 'muchísimas gracias', 'mil gracias'],
    },
  },
  context: [
    // Politeness formulas: they close every mail, angry or not.
    'gracias de antemano', 'de antemano gracias', 'muchas gracias de antemano', 'gracias por adelantado', 'agradezco de antemano', 'les agradezco de antemano',
    'agradezco su ayuda', 'agradezco tu ayuda', 'agradezco su atención', 'agradezco su tiempo', 'agradezco su colaboración', 'agradezco su comprensión',
    'le agradezco', 'les agradezco', 'te agradezco', 'agradecería', 'se lo agradezco', 'se los agradezco', 'muchas gracias por su atención',
    'gracias por su atención', 'gracias por la atención', 'gracias por su tiempo', 'gracias por su ayuda', 'gracias por tu ayuda', 'gracias por su comprensión',
    'gracias por su paciencia', 'gracias por su colaboración', 'gracias por su respuesta', 'quedo atento', 'quedo a la espera',
    'a la espera de su respuesta', 'a la espera de sus noticias', 'en espera de su respuesta', 'en espera de sus comentarios',
    'espero su respuesta', 'espero su pronta respuesta', 'pronta respuesta', 'quedo a su disposición', 'quedo a disposición',
    'a su disposición', 'un saludo', 'saludos cordiales', 'un cordial saludo', 'reciba un cordial saludo', 'atentamente', 'cordialmente', 'que tenga un buen día',
    'buen día', 'no duden en', 'Enviado desde mi', 'Enviado desde', 'enviado desde mi iPhone',
    // "cuenta" that is no login account.
    'darme cuenta', 'me di cuenta', 'nos dimos cuenta', 'darse cuenta', 'dado cuenta', 'dándome cuenta', 'tener en cuenta', 'tengan en cuenta',
    'tomar en cuenta', 'en cuenta', 'a cuenta de', 'por cuenta de', 'cuenta bancaria', 'número de cuenta', 'cuenta corriente',
    'cuenta de ahorro', 'titular de la cuenta', 'a mi cuenta bancaria', 'en mi cuenta bancaria', 'CLABE', 'CBU', 'número de cliente',
    // Other words that mean something else here.
    'devolver la llamada', 'devuelvan la llamada', 'me devuelvan la llamada', 'dar seguimiento', 'seguimiento a mi caso', 'seguimiento de mi caso',
    'seguimiento a mi solicitud', 'seguimiento al caso', 'en mi opinión', 'ni idea', 'a cargo de', 'hacerse cargo', 'se haga cargo', 'hagan cargo', 'a cambio', 'en cambio',
    'le envío', 'les envío', 'te envío', 'les adjunto', 'le adjunto', 'adjunto envío', 'alta demanda', 'boletín', 'newsletter', 'dejar de recibir', 'currículum',
    'oferta de empleo', 'oferta de trabajo', 'vacante', 'destinatario equivocado', 'por error', 'correo electrónico', 'línea de comandos',
    'centro comercial',
    'nómina de los empleados',
  ],
  tone: {
    urgency: [
      'urgente', 'urgencia', 'con urgencia', 'urge', 'me urge', 'nos urge', 'lo antes posible', 'cuanto antes', 'a la mayor brevedad', 'a la brevedad', 'lo más pronto posible',
      'lo más rápido posible', 'de inmediato', 'inmediatamente', 'sin demora', 'prioridad alta', 'alta prioridad', 'máxima prioridad', 'prioritario', 'hoy mismo',
      'antes de mañana', 'para mañana', 'para hoy', 'ASAP', 'es crítico', 'crítico', 'no puedo trabajar', 'no podemos trabajar', 'estoy bloqueado', 'estamos bloqueados',
      'bloqueante', 'fecha límite', 'ya mismo', 'necesito ~ hoy|ya|ahora',
    ],
    critical: [
      'caída del servicio', 'servicio caído', 'servidor caído', 'plataforma caída', 'sistema caído', 'web caída', 'página caída',
      'se cayó ~ sistema|servidor|plataforma|página|web|servicio|aplicación', 'se ha caído', 'caída total', 'caída general', 'fuera de servicio', 'sin servicio',
      'todos los usuarios', 'todos nuestros usuarios', 'ningún usuario', 'nadie puede ~ acceder|trabajar|entrar|conectarse', 'producción ~ detenida|parada|caída|bloqueada|afectada',
      'entorno de producción', 'paralizado', 'hackeado', 'pirateada', 'jaqueada', 'acceso no autorizado',
      'brecha de seguridad', 'filtración de datos', 'fuga de datos', 'violación de datos', 'incidente de seguridad', 'vulnerabilidad', 'fraude', 'fraudulento',
      'cargos fraudulentos', 'suplantación de identidad', 'robo de identidad', 'phishing', 'ransomware', 'pérdida de datos', 'datos ~ perdidos|borrados|eliminados|expuestos', 'outage',
    ],
    calm: [
      'no es urgente', 'nada urgente', 'sin urgencia', 'no hay urgencia', 'no es prioritario', 'no es crítico', 'no hay prisa', 'sin prisa', 'no corre prisa',
      'sin apuro', 'no hay apuro', 'cuando puedan', 'cuando tengan tiempo', 'cuando tengan un momento', 'cuando les sea posible', 'con calma',
      'a su conveniencia', 'no es nada grave', 'no es bloqueante',
    ],
    minor: [
      'sugerencia', 'sugiero', 'una idea', 'propuesta de mejora', 'sería genial', 'sería útil', 'sería ideal', 'por curiosidad', 'simple curiosidad', 'consulta general',
      'pregunta general', 'me preguntaba', 'nos preguntábamos', 'solo una pregunta', 'una pequeña duda', 'pequeña consulta', 'una duda', 'a modo informativo',
      'feedback', 'felicitaciones', 'enhorabuena', 'nueva funcionalidad',
      'excelente servicio', 'excelente atención', 'los recomiendo', 'muy satisfecho', 'felicitar', 'mil gracias a', 'encantadora|encantador',
    ],
    legalThreat: [
      'abogado', 'mi abogado', 'demandar', 'demanda judicial', 'poner una demanda', 'interponer ~ demanda', 'acciones legales', 'medidas legales',
      'vía judicial', 'vía legal', 'juzgado', 'tribunal', 'denuncia', 'OCU', 'FACUA', 'oficina de consumo', 'OMIC', 'PROFECO', 'SERNAC',
      'Defensa del Consumidor', 'INDECOPI', 'hoja de reclamaciones', 'libro de reclamaciones', 'asociación de consumidores', 'contracargo', 'chargeback',
      'desconocer el cargo', 'burofax', 'AEPD', 'proceso judicial', 'instancias legales', 'departamento legal',
    ],
    publicThreat: [
      'redes sociales', 'reseña negativa', 'mala reseña', 'mala calificación', 'una estrella', '1 estrella', 'Trustpilot', 'en Google', 'en Twitter', 'en Facebook',
      'en Instagram', 'en TikTok', 'la prensa', 'hacerlo público', 'haré público', 'difundir', 'viralizar', 'contarle a todos', 'foros',
      'en redes', 'reseñas de Google', 'reseña en Google', 'publicar|publico|publicaré ~ redes|Twitter|X|Google|reseñas|foros',
      'medios de comunicación', 'contactar|avisar|llamar|acudir|escribir ~ periodistas|prensa|medios|periodista',
    ],
    anger: {
      3: [
        'inaceptable', 'vergonzoso', 'una vergüenza', 'indignante', 'estoy harto', 'hasta las narices', 'tercera vez', 'cuarta vez', 'enésima vez',
        'nunca más', 'furioso', 'una burla', 'un abuso', 'tomadura de pelo',
      ],
      2: [
        'pésimo', 'nefasto', 'ridículo', 'nadie responde', 'nadie contesta', 'sin respuesta', 'ninguna respuesta', 'muy molesto', 'molesto',
        'enojado', 'enfadado', 'muy decepcionado', 'insatisfecho', 'falta de respeto', 'segunda vez', 'harto',
      ],
      1: ['decepcionado', 'desafortunadamente', 'otra vez', 'sigo esperando', 'varias veces', 'queja', 'increíble que'],
    },
    insult: {
      2: [
        'estafa', 'ladrones', 'timo', 'timadores', 'incompetentes', 'inútiles', 'sinvergüenzas', 'mierda', 'joder', 'basura', 'idiotas',
        'payasos', 'chapuza', 'carajo', 'pendejos', 'boludos', 'chingada',
        'una porquería',
      ],
      1: ['caramba', 'cutre'],
    },
    positive: {
      2: [
        'excelente', 'genial', 'fantástico', 'maravilloso', 'estupendo', 'felicitaciones', 'felicidades', 'enhorabuena', 'muy satisfecho', 'encantado',
        'perfecto', 'impecable', 'gran trabajo', 'buen trabajo', 'los recomiendo', 'recomiendo', 'de diez', 'un diez', 'muchísimas gracias', 'mil gracias',
      ],
      1: ['gracias', 'muchas gracias', 'amable', 'eficiente', 'rápido', 'contento', 'satisfecho', 'agradecido', 'increíble'],
    },
  },
};
