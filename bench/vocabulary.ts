// The words the generated pages (bench/pages.ts) and corpora (bench/corpus-scale.ts) are made of:
// filler, template sentences and the corpus's own sentences. Synthetic catalogs
// (bench/gazetteers.ts) keep their names out of this vocabulary.
import { readSeeds } from '../compiler/seeds';
import { parseArticle } from '../compiler/articles';

// Common Arabic news words (filler).
export const AR_WORDS = (
  'في من على إلى أن قال وقال الذي التي هذا هذه ذلك بعد قبل خلال حول بين عن مع كما لكن ' +
  'الحكومة الوزير الرئيس المجلس البرلمان الاتفاق الاتفاقية المفاوضات الأزمة الاقتصاد السوق الأسعار ' +
  'النفط الغاز الطاقة الكهرباء المياه الزراعة الصناعة التجارة الاستثمار البنك المصرف العملة الدولار ' +
  'اليوم أمس الأسبوع الشهر العام المقبل الماضي الجاري صباح مساء يوم الثلاثاء الأربعاء الخميس ' +
  'مصادر مسؤول مسؤولون مصدر مطلع تقرير بيان مؤتمر صحافي تصريحات اجتماع زيارة رسمية جولة محادثات ' +
  'الأمن السلام الحرب المعارضة الانتخابات الاحتجاجات المتظاهرين الشرطة القضاء المحكمة الحكم القرار ' +
  'الشعب المواطنين السكان المدينة العاصمة المنطقة البلاد الدولة الدول العالم الدولي الإقليمي المحلي ' +
  'أكد أعلن أشار أوضح أضاف نفى كشف طالب دعا رفض وافق قرر بدأ انتهى استمر ارتفع انخفض تراجع ' +
  'كبير صغير جديد قديم مهم كبيرة جديدة واسعة شديدة مستمرة رئيسية أساسية عديدة مختلفة ' +
  'التعليم الصحة المستشفى الأطباء الطلاب الجامعة المدارس الثقافة الفن الرياضة المباراة الفريق ' +
  'التكنولوجيا الإنترنت الشبكة التطبيق الهاتف البيانات المعلومات الأمن السيبراني المنصات الرقمية'
).split(' ');

export const EN_WORDS = (
  'the of and to in a that for on with as by at from its was were has have had will would said ' +
  'government minister president council parliament agreement talks crisis economy market prices ' +
  'oil gas energy power water farming industry trade investment bank currency dollar budget ' +
  'today yesterday week month year next last current morning evening Tuesday Wednesday Thursday ' +
  'sources official officials source report statement conference press remarks meeting visit tour ' +
  'security peace war opposition elections protests protesters police court ruling decision ' +
  'people citizens residents city capital region country state states world international regional ' +
  'confirmed announced noted explained added denied revealed demanded called rejected agreed decided ' +
  'large small new old important major wide strong ongoing main basic several different ' +
  'education health hospital doctors students university schools culture art sport match team ' +
  'technology internet network app phone data information platforms digital services users'
).split(' ');

// Template sentences: {P} person, {O} organization, {L} place, {X} product, {S} synthetic name.
export const AR_TEMPLATES = [
  'وقال {P} في مؤتمر صحافي عقده في {L} إن المحادثات مع {S} كانت بناءة.',
  'وأعلنت {O} أن {S} سيزور {L} الأسبوع المقبل لبحث الملفات العالقة.',
  'وأكد {S} أن الحكومة ستواصل العمل مع {O} على تطوير قطاع الطاقة.',
  'ونقلت وكالة الأنباء عن {P} قوله إن العلاقات مع {L} تشهد تطورا ملحوظا.',
  'وانتشر الخبر على {X} خلال ساعات، بحسب ما ذكر {S}.',
  'وفي {L}، التقى {P} بممثلين عن {S} و{S2}.',
  'وأشار التقرير إلى أن {S} و{O} وقعا اتفاقا جديدا للتعاون.',
  'ودعا {P} إلى الحوار، فيما رفض {S} التعليق على التصريحات.',
  'وبحسب {O}، فإن {S} يعتزم توسيع نشاطه في {L} خلال العام الجاري.',
  'ولفت {S} إلى أهمية الاستثمار في المنطقة، مشيرا إلى دور {S2}.',
];

export const EN_TEMPLATES = [
  '{P} told a news conference in {L} that talks with {S} had been constructive.',
  '{O} announced that {S} would visit {L} next week to discuss outstanding issues.',
  'The statement said {S} would keep working with {O} on energy projects.',
  'According to a report, {P} said relations with {L} had improved markedly.',
  'The news spread on {X} within hours, according to {S}.',
  'In {L}, {P} met representatives of {S} and {S2}.',
  'The report noted that {S} and {O} had signed a new cooperation deal.',
  '{P} called for dialogue, while {S} declined to comment on the remarks.',
  'According to {O}, {S} plans to expand its operations in {L} this year.',
  'Officials from {S} stressed the role of {S2} in regional investment.',
];

export function corpusSentences(): string[] {
  const seeds = readSeeds();
  const out: string[] = [];
  for (const { file, bytes } of seeds.articles) {
    const a = parseArticle(file, bytes);
    for (const para of a.text.split('\n')) {
      for (const s of para.match(/[^.!؟?]+[.!؟?]*/g) ?? []) if (s.trim().length > 20) out.push(s.trim());
    }
  }
  return out;
}
