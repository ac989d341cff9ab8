// News sites Hashiya runs on without asking: major Arabic and English outlets. Any other site is
// opt-in from the popup (optional host permission + a dynamically registered content script).
export const NEWS_SITES: readonly string[] = [
  '*://*.aljazeera.net/*',
  '*://*.aljazeera.com/*',
  '*://*.alarabiya.net/*',
  '*://*.independentarabia.com/*',
  '*://*.aawsat.com/*',
  '*://*.bbc.com/*',
  '*://*.bbc.co.uk/*',
  '*://*.skynewsarabia.com/*',
  '*://*.france24.com/*',
  '*://*.rt.com/*',
  '*://*.alhurra.com/*',
  '*://*.youm7.com/*',
  '*://*.ahram.org.eg/*',
  '*://*.annahar.com/*',
  '*://*.alquds.co.uk/*',
  '*://*.reuters.com/*',
  '*://*.apnews.com/*',
  '*://*.theguardian.com/*',
  '*://*.nytimes.com/*',
  '*://*.washingtonpost.com/*',
  '*://*.iranintl.com/*',
  '*://*.tass.com/*',
];

export const TEST_HOSTS: readonly string[] = ['http://127.0.0.1/*'];
