/** The applicant's downloads on the status page: the released copies of an approved package, while open. */
import { CsrfField } from '../../platform/views/components.js';
import type { applicantRelease } from '../../requests/index.js';
import { formatChinese } from '../../platform/dates.js';

type Release = NonNullable<Awaited<ReturnType<typeof applicantRelease>>>;

export function ReleaseDownloads({
  release,
  requestNo,
  queryCode,
  csrf,
}: {
  release: Release | null;
  requestNo: string;
  queryCode: string;
  csrf: string;
}) {
  if (!release?.documents.length) return null;
  return (
    <section aria-labelledby="rel-h" data-testid="release">
      <h3 id="rel-h">提供的政府信息</h3>
      <p>
        以下文件可下载至{formatChinese(release.until)}（{release.until}
        ）。部分内容依法作了区分处理的，遮盖处注明了不予公开的理由（条例第三十七条）。
      </p>
      <ul>
        {release.documents.map((d) => (
          <li>
            <form method="post" action="/ysqgk/release" class="inline">
              <CsrfField token={csrf} />
              <input type="hidden" name="requestNo" value={requestNo} />
              <input type="hidden" name="queryCode" value={queryCode} />
              <input type="hidden" name="doc" value={String(d.id)} />
              <button type="submit" class="link">
                下载 {d.filename}
              </button>{' '}
              <span class="muted">（{d.answers}）</span>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
