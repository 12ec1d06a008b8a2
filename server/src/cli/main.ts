/**
 * The `wengao` command. `wengao check <files or folders>... [--format text|json]`.
 * Exit status: 0 nothing of warning or error severity, 1 something was found, 2 usage error or
 * a path that cannot be read or decoded (reported after every other file has been checked).
 */
import * as nodePath from 'path';
import {
  Analysis, Figure, FigureIndex, Finding, LineIndex, SEVERITY_ORDER, Severity, analyze, documentKind, findingsInWorkspace,
  indexEntry, toCsv, toMarkdownTable,
} from '../core';
import { UsageError, collect, readReport } from './files';

const VERSION = '0.1.0';

const USAGE = `用法 (usage):
  wengao check <文件或文件夹 files or folders>... [--format text|json] [--min-severity error|warning|information|hint]
  wengao figures <文件或文件夹 files or folders>... [--format json|csv|text|markdown] [--targets]

  check           检查引号、括号的配对等问题 (checks: pairing, …)
                  --format text（默认，每个问题一行 path:line:col: severity code message）或 json
                  --min-severity 报告的最低级别，默认 warning（information 包括“目标”标注 figure.target）
  figures         列出全部数据（指标、数值、单位、比较、期间、地区、目标或实际）
                  --format json（默认）、csv（UTF-8 BOM，可用 Excel/WPS 打开）、text 或 markdown
                  --targets 只列目标
  --help          显示本说明
  --version       显示版本

退出码 (exit status): 0 没有警告或错误; 1 发现警告或错误 (check); 2 用法错误、路径或文件无法读取或解码（其余文件照常检查）`;

type Format = 'text' | 'json' | 'csv' | 'markdown';
const FORMATS: Record<string, Format[]> = { check: ['text', 'json'], figures: ['json', 'csv', 'text', 'markdown'] };

interface FileResult {
  path: string;
  analysis?: Analysis;
  lines?: LineIndex;
  skipped?: string;
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = [...argv];
  if (args.includes('--help') || args.includes('-h')) {
    out(USAGE + '\n');
    return 0;
  }
  if (args.includes('--version')) {
    out(VERSION + '\n');
    return 0;
  }
  const command = args.shift();
  if (command !== 'check' && command !== 'figures') {
    err(command ? `未知命令 (unknown command): ${command}\n\n${USAGE}\n` : `${USAGE}\n`);
    return 2;
  }
  let format: Format = command === 'check' ? 'text' : 'json';
  let minSeverity: Severity = 'warning';
  let targetsOnly = false;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!FORMATS[command].includes(v as Format)) {
        err(`--format 只能是 ${FORMATS[command].join('、')} (must be one of ${FORMATS[command].join(', ')}), 而不是 ${v ?? '(空)'}\n`);
        return 2;
      }
      format = v as Format;
    } else if (command === 'check' && (a === '--min-severity' || a.startsWith('--min-severity='))) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!(v in SEVERITY_ORDER)) {
        err(`--min-severity 只能是 error、warning、information 或 hint, 而不是 ${v ?? '(空)'}\n`);
        return 2;
      }
      minSeverity = v as Severity;
    } else if (command === 'figures' && a === '--targets') {
      targetsOnly = true;
    } else if (a.startsWith('-') && a !== '-') {
      err(`未知选项 (unknown option): ${a}\n\n${USAGE}\n`);
      return 2;
    } else {
      paths.push(a);
    }
  }
  if (paths.length === 0) {
    err(`请指定要检查的文件或文件夹 (no files or folders given)\n\n${USAGE}\n`);
    return 2;
  }
  let files: string[];
  try {
    files = await collect(paths);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`wengao: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  const results: FileResult[] = [];
  for (const file of files) {
    const input = await readReport(file);
    if (!input.ok) {
      err(`wengao: 跳过 (skipped) ${file}: ${input.message}\n`);
      results.push({ path: file, skipped: input.message });
      continue;
    }
    const analysis = analyze(input.text, { kind: documentKind(file) });
    for (const f of analysis.failures) err(`wengao: 检查 ${f.check} 在 ${file} 上出错 (check failed): ${f.error.split('\n')[0]}\n`);
    results.push({ path: file, analysis, lines: analysis.model.lines });
  }

  if (command === 'figures') {
    out(renderFigures(results, format, targetsOnly));
    const n = results.reduce((k, r) => k + (r.analysis?.figures.filter((f) => !targetsOnly || f.kind === 'target').length ?? 0), 0);
    err(`wengao: ${results.length} 个文件，${n} 项${targetsOnly ? '目标' : '数据'}\n`);
    return 0;
  }
  // Across documents: every file's figures in one index, then figure.mismatch for each against it.
  const index = new FigureIndex();
  for (const r of results) if (r.analysis?.analyzed) index.set(indexEntry(r.path, nodePath.basename(r.path), r.analysis));
  if (index.size > 1) {
    for (const r of results) {
      if (r.analysis?.analyzed) r.analysis.findings = findingsInWorkspace(r.analysis, { uri: r.path, index });
    }
  }
  // Findings below the threshold (figure.target is information) are left out of the report.
  for (const r of results) {
    if (r.analysis) r.analysis.findings = r.analysis.findings.filter((f) => SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER[minSeverity]);
  }
  const all = results.flatMap((r) => r.analysis?.findings ?? []);
  out(format === 'json' ? renderJson(results) : renderText(results));
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of all) counts[f.severity]++;
  const skipped = results.filter((r) => r.skipped).length;
  err(
    `wengao: ${results.length} 个文件，${all.length} 个问题（错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.information + counts.hint}）` +
      (skipped ? `，跳过 ${skipped} 个` : '') +
      '\n',
  );
  // A file that could not be read was not checked: CI must not pass on it.
  if (skipped) return 2;
  return all.some((f) => SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER.warning) ? 1 : 0;
}

function renderText(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if (!r.analysis || !r.lines) continue;
    for (const f of r.analysis.findings) {
      const p = r.lines.position(f.span.start);
      lines.push(`${r.path}:${p.line + 1}:${p.character + 1}: ${f.severity} ${f.code} ${f.message}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

function jsonFinding(f: Finding, path: string, lines: LineIndex) {
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    range: lines.range(f.span),
    related: f.related.map((r) => ({ path: r.path ?? path, range: r.range ?? lines.range(r.span), message: r.message })),
  };
}

function renderJson(results: FileResult[]): string {
  const doc = {
    version: 1,
    files: results.map((r) =>
      r.analysis && r.lines
        ? { path: r.path, diagnostics: r.analysis.findings.map((f) => jsonFinding(f, r.path, r.lines!)) }
        : { path: r.path, diagnostics: [], skipped: r.skipped },
    ),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

function figureJson(f: Figure, path: string, lines: LineIndex) {
  return {
    path,
    range: lines.range(f.span),
    text: f.text,
    indicator: f.indicator,
    verb: f.verb ?? null,
    value: f.value,
    ...(f.max !== undefined ? { max: f.max } : {}),
    unit: f.unit,
    normalized: { value: f.normalized.value, ...(f.normalized.max !== undefined ? { max: f.normalized.max } : {}), unit: f.normalized.unit },
    comparator: f.comparator,
    period: f.period,
    periodSource: f.periodSource,
    region: f.region,
    kind: f.kind,
    section: f.section,
  };
}

function renderFigures(results: FileResult[], format: Format, targetsOnly: boolean): string {
  const rows = results.flatMap((r) =>
    r.analysis && r.lines
      ? r.analysis.figures
          .filter((f) => !targetsOnly || f.kind === 'target')
          .map((figure) => ({ path: r.path, line: r.lines!.position(figure.span.start).line + 1, figure, lines: r.lines! }))
      : [],
  );
  switch (format) {
    case 'csv':
      return toCsv(rows);
    case 'markdown':
      return toMarkdownTable(rows);
    case 'text':
      return rows
        .map(({ path, line, figure: f, lines }) => `${path}:${line}:${lines.position(f.span.start).character + 1}: ${f.kind} ${f.period ?? '-'} ${f.region ?? '-'} ${f.statement}`)
        .join('\n') + (rows.length ? '\n' : '');
    default:
      return JSON.stringify({ version: 1, figures: rows.map(({ path, figure, lines }) => figureJson(figure, path, lines)) }, null, 2) + '\n';
  }
}

if (require.main === module) {
  const chunks: string[] = [];
  main(process.argv.slice(2), (s) => chunks.push(s), (s) => process.stderr.write(s))
    .then((code) => {
      // Written in one piece at the end: a crash never leaves half a JSON document behind.
      const text = chunks.join('');
      if (text) process.stdout.write(text, () => process.exit(code));
      else process.exit(code);
    })
    .catch((e) => {
      process.stderr.write(`wengao: 内部错误 (internal error): ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exit(2);
    });
}
