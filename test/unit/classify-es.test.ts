import { describe } from 'vitest';
import { itClassifiesEach, type ClassifyCase } from '../support/classify-cases.js';

const CASES: ClassifyCase[] = [
  // One everyday mail per intent.
  {
    name: 'refund: money back for a returned item',
    subject: 'Devolución',
    text: 'Hola,\n\nDevolví las botas hace diez días por la web y todavía no me han reembolsado el importe en la tarjeta. ¿Me pueden decir cuándo lo recibiré?\n\nGracias,\nMarta',
    category: 'refund',
    priority: 'normal',
  },
  {
    name: 'shipping: an order that has not arrived (Latin America)',
    subject: 'Mi pedido no llega',
    text: 'Buenas tardes, hice una compra hace 12 días y el número de seguimiento sigue diciendo que está en camino. ¿Me pueden decir dónde está mi paquete?',
    category: 'shipping',
    priority: 'normal',
  },
  {
    name: 'billing: a formal request about a wrong invoice',
    subject: 'Factura con importe incorrecto',
    text: 'Estimados señores:\n\nEn la factura del mes de octubre figuran 40 usuarios cuando nuestro contrato contempla 25. Les rogamos que emitan una factura rectificativa y nos indiquen cómo se regularizará el cobro.\n\nAtentamente,\nDepartamento de Administración',
    category: 'billing',
    priority: 'normal',
  },
  {
    name: 'technical: an integration failing since an update (B2B)',
    subject: 'Error en la sincronización con el ERP',
    text: 'Estimado equipo de soporte:\n\nDesde la última actualización del conector, la sincronización entre su plataforma y nuestro ERP falla: el registro muestra un código de error 401 en cada intento y los pedidos nuevos ya no aparecen en nuestro sistema. Ya revisamos la clave de la API.\n\n¿Podrían revisarlo?\n\nSaludos cordiales,\nAndrés, responsable de sistemas',
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'account: a locked account',
    subject: 'No puedo entrar',
    text: 'Hola, intenté iniciar sesión varias veces con una contraseña antigua y ahora mi cuenta está bloqueada. ¿Cómo puedo recuperar el acceso?',
    category: 'account',
    priority: 'normal',
  },
  {
    name: 'sales: a quotation for licences',
    subject: 'Solicitud de cotización',
    text: 'Buenos días,\n\nSomos una empresa de 80 empleados y estamos evaluando su herramienta. ¿Podrían enviarnos una cotización para 80 licencias con facturación anual y agendar una demostración con el equipo comercial?\n\nSaludos',
    category: 'sales',
    priority: 'normal',
  },
  {
    name: 'complaint: rude staff and no answer',
    subject: 'Pésima atención',
    text: 'Llamé tres veces a su línea de atención y la persona que me atendió fue muy grosera. Después escribí un correo y nadie me contesta. Estoy muy decepcionado con el servicio.',
    category: 'complaint',
    priority: 'high',
  },
  {
    name: 'feedback: a feature idea, no rush',
    subject: 'Sugerencia',
    text: 'Hola, uso la app todos los días y se me ocurrió una sugerencia: sería muy útil poder compartir las listas con otras personas. No es urgente, solo una idea.',
    category: 'feedback',
    priority: 'low',
  },
  {
    name: 'feedback: praise',
    subject: '¡Gracias!',
    text: 'Quería felicitar a su equipo: el pedido llegó en un día, muy bien embalado, y la chica del chat fue amabilísima. ¡Excelente servicio, los recomiendo!',
    category: 'feedback',
    priority: 'low',
  },
  // Politeness does not decide.
  {
    name: 'politeness: "gracias de antemano" and "agradezco su ayuda" in a billing mail',
    subject: 'Cambio de tarjeta',
    text: 'Buenos días,\n\nQuisiera cambiar la tarjeta con la que pago la suscripción mensual, porque la anterior caducó y el último pago fue rechazado.\n\nGracias de antemano, agradezco su ayuda.\nUn saludo',
    category: 'billing',
    priority: 'normal',
  },
  // Words that mean something else in context.
  {
    name: 'context: a phone that does not charge is technical, not billing',
    subject: 'Celular',
    text: 'Mi celular no carga desde anoche. Probé con dos cables y otro cargador, la pantalla enciende pero la batería se queda en 2 %.',
    category: 'technical',
    priority: 'normal',
  },
  {
    name: 'context: a bank account number in a refund mail is not a login account',
    subject: 'Reembolso por transferencia',
    text: 'Hola, como cancelé la reserva, les dejo mi número de cuenta para el reembolso: ES12 3456 7890 1234. Tengan en cuenta que la tarjeta original ya no existe.',
    category: 'refund',
    priority: 'normal',
  },
  {
    name: 'context: a future bulk order is sales',
    subject: 'Pedido de 500 unidades',
    text: 'Buenas, queremos comprar 500 termos personalizados para un congreso en abril. ¿Qué precio por volumen nos pueden ofrecer y cuánto tardan en fabricarlos?',
    category: 'sales',
    priority: 'normal',
  },
  // A strong subject contradicted by the body.
  {
    name: 'subject: "Factura" but the body is a login problem',
    subject: 'Factura',
    text: 'Hola, quería descargar mi factura pero no puedo iniciar sesión: me dice que el usuario no existe y el código de verificación nunca llega.',
    category: 'account',
    priority: 'normal',
  },
  // Urgent: outage, security, legal.
  {
    name: 'urgent: an outage written calmly',
    subject: 'Plataforma sin servicio',
    text: 'Buenos días,\n\nDesde las 8:30 la plataforma no responde para todos nuestros usuarios: la página de acceso devuelve un error 503 y el equipo no puede trabajar.\n\nSaludos',
    category: 'technical',
    priority: 'urgent',
  },
  {
    name: 'urgent: a hacked account',
    subject: 'Me hackearon la cuenta',
    text: 'Alguien entró en mi cuenta, cambió el correo electrónico y compró dos tarjetas regalo. Ya no puedo acceder a mi cuenta.',
    category: 'account',
    priority: 'urgent',
  },
  {
    name: 'urgent: a legal threat over a refund',
    subject: 'Última advertencia',
    text: 'Llevo dos meses esperando el reembolso de 320 euros. Si no lo recibo esta semana pondré una denuncia en consumo y mi abogado iniciará acciones legales.',
    category: 'refund',
    priority: 'urgent',
  },
  // High: urgent wording, anger.
  {
    name: 'high: a deadline today',
    subject: 'Urgente: factura para hoy',
    text: 'Necesito la factura de la compra de ayer hoy mismo, la contabilidad cierra esta tarde. Por favor, envíenmela lo antes posible.',
    category: 'billing',
    priority: 'high',
  },
  {
    name: 'high: an angry refund mail',
    subject: 'Reembolso',
    text: '¡Es una vergüenza! Tres semanas esperando el reembolso de un producto defectuoso. Estoy harto de sus excusas.',
    category: 'refund',
    priority: 'high',
  },
  // Low: a general question.
  {
    name: 'low: a curious question',
    subject: 'Una duda',
    text: 'Hola, por curiosidad: ¿de dónde viene el nombre de la marca? ¡Gracias!',
    category: 'other',
    priority: 'low',
  },
];

describe('Spanish mail', () => {
  itClassifiesEach('es', CASES);
});
