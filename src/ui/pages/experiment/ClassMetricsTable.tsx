// Class-wise precision, recall and F1 (and support) of one or more systems, with micro and macro rows.
import type { MetricsReport } from '../../../evaluation/types.ts';

const f3 = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : x.toFixed(3));

export function ClassMetricsTable({ caption, systems }: { caption: string; systems: { name: string; report: MetricsReport }[] }) {
  const codes = systems[0]?.report.classes.map((c) => c.code) ?? [];
  return (
    <div className="table-scroll">
      <table className="lab-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">class</th>
            {systems.map((s) => (
              <th key={s.name} scope="colgroup" colSpan={3}>{s.name}</th>
            ))}
            <th scope="col">support</th>
          </tr>
          <tr>
            <td />
            {systems.map((s) => ['P', 'R', 'F1'].map((h) => <th key={`${s.name}-${h}`} scope="col">{h}</th>))}
            <td />
          </tr>
        </thead>
        <tbody>
          {codes.map((code) => (
            <tr key={code}>
              <th scope="row">{code}</th>
              {systems.map((s) => {
                const c = s.report.classes.find((x) => x.code === code);
                return [c?.precision ?? null, c?.recall ?? null, c?.f1 ?? null].map((v, i) => <td key={`${s.name}-${i}`} data-class={code}>{f3(v)}</td>);
              })}
              <td>{systems[0].report.classes.find((x) => x.code === code)?.support ?? '–'}</td>
            </tr>
          ))}
          {(['micro', 'macro'] as const).map((avg) => (
            <tr key={avg} className="avg-row">
              <th scope="row">{avg}</th>
              {systems.map((s) => [s.report[avg].precision, s.report[avg].recall, s.report[avg].f1].map((v, i) => <td key={`${s.name}-${i}`} data-avg={avg}>{f3(v)}</td>))}
              <td>{systems[0].report.clips} clips</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
