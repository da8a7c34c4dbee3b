/** Multilingual titles for generated records, as labs write them: Arabic, English, Uzbek, Russian. */
const WORDS = {
  ar: ['خدمة', 'رقمية', 'المدرسة', 'الصحة', 'منصة', 'الابتكار', 'المواطن', 'تحسين', 'الطاقة', 'النقل', 'بيانات', 'مختبر'],
  en: ['digital', 'service', 'school', 'health', 'platform', 'citizen', 'pilot', 'energy', 'transport', 'data', 'lab', 'permit'],
  uz: ['raqamli', 'xizmat', 'maktab', 'sogʻliq', 'platforma', 'fuqaro', 'tajriba', 'energiya', 'transport', 'maʼlumot', 'Oʻzbekiston', 'ruxsatnoma'],
  ru: ['цифровая', 'услуга', 'школа', 'здоровье', 'платформа', 'гражданин', 'пилот', 'энергия', 'транспорт', 'данные', 'лаборатория', 'ёлка'],
};
const LANGS = Object.keys(WORDS) as (keyof typeof WORDS)[];

/** A deterministic title for record `i`, so runs compare. */
export function sampleTitle(i: number): string {
  const words = WORDS[LANGS[i % LANGS.length]];
  return [0, 1, 2].map((k) => words[(i * 7 + k * 5 + Math.floor(i / 13)) % words.length]).join(' ') + ` ${i}`;
}
