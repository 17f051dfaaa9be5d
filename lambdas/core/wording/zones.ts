import type { TemplateLanguage } from '../../schemas/languages.js';

/**
 * Zone names customers recognise, written the way each language puts them after
 * a clock time ("14:00 Beijing time", "14 h heure de Pékin", "до 14:00 по
 * московскому времени"). Zones not listed use the locale's long zone name.
 */
export const ZONE_NAMES: Record<string, Record<TemplateLanguage, string>> = {
  'Asia/Shanghai': {
    en: 'Beijing time', zh: '北京时间', 'zh-Hant': '北京時間', ja: '北京時間', ko: '베이징 시간', de: 'Pekinger Zeit',
    fr: 'heure de Pékin', es: 'hora de Pekín', pt: 'horário de Pequim', it: 'ora di Pechino', nl: 'Chinese tijd', ru: 'по пекинскому времени',
  },
  'Asia/Hong_Kong': {
    en: 'Hong Kong time', zh: '香港时间', 'zh-Hant': '香港時間', ja: '香港時間', ko: '홍콩 시간', de: 'Hongkonger Zeit',
    fr: 'heure de Hong Kong', es: 'hora de Hong Kong', pt: 'horário de Hong Kong', it: 'ora di Hong Kong', nl: 'Hongkongse tijd', ru: 'по гонконгскому времени',
  },
  'Asia/Taipei': {
    en: 'Taipei time', zh: '台北时间', 'zh-Hant': '台灣時間', ja: '台北時間', ko: '타이베이 시간', de: 'Ortszeit Taipeh',
    fr: 'heure de Taipei', es: 'hora de Taipéi', pt: 'horário de Taipé', it: 'ora di Taipei', nl: 'Taiwanese tijd', ru: 'по тайбэйскому времени',
  },
  'Asia/Tokyo': {
    en: 'Japan time', zh: '日本时间', 'zh-Hant': '日本時間', ja: '日本時間', ko: '일본 시간', de: 'japanische Zeit',
    fr: 'heure du Japon', es: 'hora de Japón', pt: 'horário do Japão', it: 'ora del Giappone', nl: 'Japanse tijd', ru: 'по японскому времени',
  },
  'Asia/Seoul': {
    en: 'Korea time', zh: '韩国时间', 'zh-Hant': '韓國時間', ja: '韓国時間', ko: '한국 시간', de: 'koreanische Zeit',
    fr: 'heure de Séoul', es: 'hora de Seúl', pt: 'horário de Seul', it: 'ora di Seul', nl: 'Koreaanse tijd', ru: 'по сеульскому времени',
  },
  'Asia/Singapore': {
    en: 'Singapore time', zh: '新加坡时间', 'zh-Hant': '新加坡時間', ja: 'シンガポール時間', ko: '싱가포르 시간', de: 'Ortszeit Singapur',
    fr: 'heure de Singapour', es: 'hora de Singapur', pt: 'horário de Singapura', it: 'ora di Singapore', nl: 'Singaporese tijd', ru: 'по сингапурскому времени',
  },
  'Europe/London': {
    en: 'UK time', zh: '英国时间', 'zh-Hant': '英國時間', ja: 'イギリス時間', ko: '영국 시간', de: 'britische Zeit',
    fr: 'heure de Londres', es: 'hora de Londres', pt: 'horário de Londres', it: 'ora di Londra', nl: 'Britse tijd', ru: 'по лондонскому времени',
  },
  'Europe/Berlin': {
    en: 'German time', zh: '德国时间', 'zh-Hant': '德國時間', ja: 'ドイツ時間', ko: '독일 시간', de: 'deutsche Zeit',
    fr: 'heure de Berlin', es: 'hora de Berlín', pt: 'horário de Berlim', it: 'ora di Berlino', nl: 'Duitse tijd', ru: 'по берлинскому времени',
  },
  'Europe/Paris': {
    en: 'French time', zh: '法国时间', 'zh-Hant': '法國時間', ja: 'フランス時間', ko: '프랑스 시간', de: 'Ortszeit Paris',
    fr: 'heure de Paris', es: 'hora de París', pt: 'horário de Paris', it: 'ora di Parigi', nl: 'Franse tijd', ru: 'по парижскому времени',
  },
  'Europe/Madrid': {
    en: 'Spanish time', zh: '西班牙时间', 'zh-Hant': '西班牙時間', ja: 'スペイン時間', ko: '스페인 시간', de: 'Ortszeit Madrid',
    fr: 'heure de Madrid', es: 'hora peninsular española', pt: 'horário de Madri', it: 'ora di Madrid', nl: 'Spaanse tijd', ru: 'по мадридскому времени',
  },
  'Europe/Lisbon': {
    en: 'Portugal time', zh: '葡萄牙时间', 'zh-Hant': '葡萄牙時間', ja: 'ポルトガル時間', ko: '포르투갈 시간', de: 'Ortszeit Lissabon',
    fr: 'heure de Lisbonne', es: 'hora de Lisboa', pt: 'horário de Lisboa', it: 'ora di Lisbona', nl: 'Portugese tijd', ru: 'по лиссабонскому времени',
  },
  'Europe/Rome': {
    en: 'Italian time', zh: '意大利时间', 'zh-Hant': '義大利時間', ja: 'イタリア時間', ko: '이탈리아 시간', de: 'Ortszeit Rom',
    fr: 'heure de Rome', es: 'hora de Roma', pt: 'horário de Roma', it: 'ora italiana', nl: 'Italiaanse tijd', ru: 'по римскому времени',
  },
  'Europe/Amsterdam': {
    en: 'Dutch time', zh: '荷兰时间', 'zh-Hant': '荷蘭時間', ja: 'オランダ時間', ko: '네덜란드 시간', de: 'Ortszeit Amsterdam',
    fr: 'heure d’Amsterdam', es: 'hora de Ámsterdam', pt: 'horário de Amsterdã', it: 'ora di Amsterdam', nl: 'Nederlandse tijd', ru: 'по амстердамскому времени',
  },
  'Europe/Moscow': {
    en: 'Moscow time', zh: '莫斯科时间', 'zh-Hant': '莫斯科時間', ja: 'モスクワ時間', ko: '모스크바 시간', de: 'Moskauer Zeit',
    fr: 'heure de Moscou', es: 'hora de Moscú', pt: 'horário de Moscou', it: 'ora di Mosca', nl: 'Moskouse tijd', ru: 'по московскому времени',
  },
  'America/Sao_Paulo': {
    en: 'Brasília time', zh: '巴西利亚时间', 'zh-Hant': '巴西利亞時間', ja: 'ブラジリア時間', ko: '브라질 시간', de: 'Brasília-Zeit',
    fr: 'heure de Brasília', es: 'hora de Brasilia', pt: 'horário de Brasília', it: 'ora di Brasília', nl: 'Braziliaanse tijd', ru: 'по бразильскому времени',
  },
  'America/New_York': {
    en: 'Eastern Time', zh: '美国东部时间', 'zh-Hant': '美東時間', ja: '米国東部時間', ko: '미국 동부 시간', de: 'Ortszeit New York',
    fr: 'heure de New York', es: 'hora de Nueva York', pt: 'horário de Nova York', it: 'ora di New York', nl: 'tijd in New York', ru: 'по нью-йоркскому времени',
  },
  'America/Los_Angeles': {
    en: 'Pacific Time', zh: '美国太平洋时间', 'zh-Hant': '美西時間', ja: '米国太平洋時間', ko: '미국 서부 시간', de: 'Ortszeit Los Angeles',
    fr: 'heure de Los Angeles', es: 'hora de Los Ángeles', pt: 'horário de Los Angeles', it: 'ora di Los Angeles', nl: 'tijd in Los Angeles', ru: 'по тихоокеанскому времени',
  },
  UTC: {
    en: 'UTC', zh: '协调世界时', 'zh-Hant': '世界協調時間', ja: '協定世界時', ko: '협정 세계시', de: 'UTC',
    fr: 'UTC', es: 'UTC', pt: 'UTC', it: 'UTC', nl: 'UTC', ru: 'по UTC',
  },
};
