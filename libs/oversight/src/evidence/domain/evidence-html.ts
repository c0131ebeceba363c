import type { EvidenceBundle, EvidenceSection } from './evidence';

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character,
  );

/** The printable page of a bundle, Japanese then English for each requirement; no script, styles in the page head only. */
export function evidenceHtml(bundle: EvidenceBundle): string {
  const period = bundle.period === null ? '全期間 / all time' : `${bundle.period.period}（${bundle.period.from} – ${bundle.period.to}）`;
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>認定のための証跡 / Certification evidence ${escape(bundle.bundleId)}</title>
<style>
body { font-family: "Noto Sans CJK JP", "Noto Sans JP", sans-serif; margin: 2rem; color: #1a1a1a; line-height: 1.6; }
section { break-inside: avoid; border-top: 1px solid #888; padding-top: 1rem; margin-top: 1.5rem; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #888; padding: 0.2rem 0.6rem; text-align: left; }
.en { color: #444; }
code { font-size: 0.9em; }
</style>
</head>
<body>
<h1>情報信託機能の認定に係る証跡 <span class="en" lang="en">Certification evidence</span></h1>
<p>バンドル / Bundle: <code>${escape(bundle.bundleId)}</code> · 作成 / Generated: ${escape(bundle.generatedAt)} · 期間 / Period: ${escape(period)}</p>
<p>この内容は稼働中のシステムから取り出しました。manifest.jws の署名を銀行の JWKS で検証してください。<span class="en" lang="en">Drawn from the running system; verify manifest.jws against the bank's JWKS.</span></p>
${bundle.sections.map(sectionHtml).join('\n')}
${
  bundle.omitted.length === 0
    ? ''
    : `<section><h2>未収録 <span class="en" lang="en">Not in this bundle</span></h2><ul>${bundle.omitted
        .map(
          (item) =>
            `<li>${escape(item.requirement.ja)}: ${escape(item.note.ja)} <span class="en" lang="en">${escape(item.note.en)}</span></li>`,
        )
        .join('')}</ul></section>`
}
</body>
</html>
`;
}

function sectionHtml(section: EvidenceSection): string {
  const { counts, sampleIds, configuration, logVerification, tests } = section.evidence;
  const rows = (entries: [string, unknown][]) =>
    entries.map(([key, value]) => `<tr><th>${escape(key)}</th><td>${escape(String(value))}</td></tr>`).join('');
  return `<section id="${escape(section.id)}">
<h2>${escape(section.requirement.ja)} <span class="en" lang="en">${escape(section.requirement.en)}</span></h2>
<p>${escape(section.control.ja)}</p>
<p class="en" lang="en">${escape(section.control.en)}</p>
<h3>件数 <span class="en" lang="en">Counts</span></h3>
<table>${rows(Object.entries(counts))}</table>
${Object.keys(configuration).length > 0 ? `<h3>設定 <span class="en" lang="en">Configuration</span></h3><table>${rows(Object.entries(configuration))}</table>` : ''}
${sampleIds.length > 0 ? `<h3>例 <span class="en" lang="en">Sample ids</span></h3><p>${sampleIds.map((id) => `<code>${escape(id)}</code>`).join(' ')}</p>` : ''}
${
  logVerification
    ? `<h3>最新のログ検証 <span class="en" lang="en">Latest log verification</span></h3><p><code>${escape(logVerification.id)}</code> ${escape(logVerification.status)} (${logVerification.toSize})</p>`
    : ''
}
<h3>テスト <span class="en" lang="en">Tests</span></h3>
<ul>${tests.map((test) => `<li><code>${escape(test)}</code></li>`).join('')}</ul>
</section>`;
}
