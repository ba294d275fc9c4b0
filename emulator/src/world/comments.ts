/**
 * The verbatim pool seeded answers draw from: realistic comments in several languages by sentiment, and a few
 * hostile ones a client must render as inert text (markup, script, 10 kB, bidi overrides, emoji).
 */
type Sentiment = 0 | 1 | 2; // detractor, passive, promoter

const BY_LANGUAGE: Record<string, [string[], string[], string[]]> = {
  en: [
    ['I was on hold for 40 minutes and then the call dropped.', 'Nobody could explain the extra charge on my bill.',
      'Third time I call about the same problem. Still not fixed.', 'The agent was polite but could not help me at all.',
      'Transferred four times, had to repeat my account number every time.'],
    ['It was ok, took a bit long.', 'Fine in the end, but the menu is confusing.', 'Issue solved, but I had to call twice.',
      'Average. The website should show this information.'],
    ['Quick and friendly, thank you!', 'The agent knew exactly what to do. Great service.', 'Problem solved in five minutes, impressive.',
      'Very patient and clear explanation of my options.', 'Best support call I have had in years.'],
  ],
  de: [
    ['Viel zu lange Wartezeit und keine Lösung.', 'Die Rechnung ist immer noch falsch, trotz drei Anrufen.'],
    ['War in Ordnung, aber etwas umständlich.', 'Hat gedauert, am Ende aber geklappt.'],
    ['Sehr freundliche Beratung, vielen Dank!', 'Schnell und kompetent geholfen.'],
  ],
  fr: [
    ["Temps d'attente interminable, personne ne m'a rappelé.", 'Toujours pas de solution après deux semaines.'],
    ["C'était correct, sans plus.", "Problème réglé mais l'attente était longue."],
    ['Conseiller très aimable et efficace, merci !', 'Réponse rapide et claire, parfait.'],
  ],
  es: [
    ['Me colgaron dos veces. Pésimo servicio.', 'Nadie sabe resolver mi problema con la factura.'],
    ['Bien, aunque tardaron bastante.', 'Correcto, nada especial.'],
    ['¡Excelente atención, muy amable!', 'Resolvieron todo en una sola llamada.'],
  ],
  ar: [
    ['انتظرت طويلاً ولم يتم حل المشكلة.', 'الخدمة سيئة جداً هذه المرة.'],
    ['الخدمة مقبولة لكن الانتظار طويل.'],
    ['شكراً جزيلاً، الموظف كان متعاوناً جداً.', 'خدمة ممتازة وسريعة.'],
  ],
  he: [
    ['חיכיתי שעה ואף אחד לא עזר לי.', 'הבעיה עדיין לא נפתרה.'],
    ['היה בסדר, קצת ארוך.'],
    ['שירות מצוין, תודה רבה!', 'הנציגה הייתה סבלנית ומקצועית.'],
  ],
  ja: [
    ['待ち時間が長すぎます。問題も解決していません。', '説明が分かりにくかったです。'],
    ['まあまあでした。', '解決しましたが、時間がかかりました。'],
    ['とても丁寧な対応でした。ありがとうございました！', '迅速に解決していただき助かりました。'],
  ],
};

const EMOJI: [string[], string[], string[]] = [
  ['😡😡😡 never again', 'Terrible 👎👎'],
  ['meh 😐', 'ok I guess 🤷'],
  ['Super 👍🎉', 'Loved it ❤️❤️❤️ 10/10 ⭐⭐⭐⭐⭐'],
];

export const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("xss")</script>Great service!',
  '"><svg onload=alert(document.cookie)>',
  'Normal text \u202Egnp.exe\u202C with a right-to-left override',
  `Long complaint: ${'The line kept dropping and nobody called back. '.repeat(220)}`.slice(0, 10_240),
  '{{constructor.constructor("alert(1)")()}} ${alert(1)}',
];

export const LANGUAGES = Object.keys(BY_LANGUAGE);

/** Flat pool + lookup: pool[i] is a comment; bucket[lang][sentiment] lists pool indices. */
export interface CommentPool {
  pool: string[];
  bucket: Map<string, number[][]>;
  emoji: number[][];
  hostile: number[];
}

export function buildCommentPool(): CommentPool {
  const pool: string[] = [];
  const add = (texts: string[]): number[] => texts.map((t) => pool.push(t) - 1);
  const bucket = new Map<string, number[][]>();
  for (const [lang, bySentiment] of Object.entries(BY_LANGUAGE)) bucket.set(lang, bySentiment.map(add));
  const emoji = EMOJI.map(add);
  const hostile = add(HOSTILE);
  return { pool, bucket, emoji, hostile };
}

export function sentimentOf(nps: number): Sentiment {
  return nps >= 9 ? 2 : nps >= 7 ? 1 : 0;
}
