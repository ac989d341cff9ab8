// The language of a text by its script: enough to tell Arabic from English pages, which is all
// story matching needs (text overlap is only compared within one language).
export function detectLang(text: string, sample = 20000): 'ar' | 'en' {
  let arabic = 0;
  let latin = 0;
  const n = Math.min(text.length, sample);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x600 && c <= 0x6ff) arabic++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return arabic >= latin ? 'ar' : 'en';
}
