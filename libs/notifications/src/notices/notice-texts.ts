import { DateTime } from 'luxon';
import type { Language } from '#identity';
import type { NoticeKind, NoticeParams, SubjectType } from './notice.js';

export interface RenderedNotice {
  readonly title: string;
  readonly body: string;
  /** Where the object is, under PUBLIC_URL. */
  readonly link: string;
}

export interface Reader {
  readonly language: Language;
  /** The reader's zone for times; the deadline's own zone is shown beside it. */
  readonly timeZone: string;
}

/** The title and text of a notice in the reader's language, with times in the reader's zone. */
export function renderNotice(
  notice: { readonly kind: NoticeKind; readonly params: NoticeParams; readonly subjectType: SubjectType; readonly subjectId: string },
  reader: Reader,
  publicUrl: string,
): RenderedNotice {
  const p = notice.params;
  const ja = reader.language === 'ja';
  const t = `"${p.applicationTitle}"`;
  const tj = `「${p.applicationTitle}」`;
  const agency = p.agency ?? '';
  const deadline = p.deadline ? when(p.deadline, reader.timeZone, p.deadlineZone, ja) : '';
  const due = p.dueAt ? when(p.dueAt, reader.timeZone, undefined, ja) : '';
  const before = p.offsetMinutes !== undefined ? span(p.offsetMinutes, ja) : '';
  const comment = p.comment ? (ja ? `\n\nコメント: ${p.comment}` : `\n\nComment: ${p.comment}`) : '';
  const receipt = p.receiptNumber ? (ja ? `\n受付番号: ${p.receiptNumber}` : `\nReceipt number: ${p.receiptNumber}`) : '';
  const call = p.callTitle ? (ja ? `\n公募: ${p.callTitle.ja}` : `\nCall: ${p.callTitle.en}`) : '';

  const texts: Record<NoticeKind, [string, string]> = ja
    ? {
        approval_requested: [
          `機関承認の依頼: ${tj}（${agency}）`,
          `${tj} の${agency}側が提出され、機関の承認を待っています。\n${agency}の締切: ${deadline}`,
        ],
        application_returned: [
          `差し戻し: ${tj}（${agency}）`,
          `${tj} の${agency}側が機関から差し戻されました。修正して再提出してください。${comment}`,
        ],
        application_approved: [
          `機関承認済み: ${tj}（${agency}）`,
          `${tj} の${agency}側が機関に承認され、${agency}に提出されました。${receipt}`,
        ],
        application_submitted: [`提出完了: ${tj}（${agency}）`, `${tj} の${agency}側が${agency}に提出されました。${receipt}`],
        review_assigned: [`査読の依頼: ${tj}`, `${tj} の査読が割り当てられました。${due ? `\n査読期限: ${due}` : ''}`],
        deadline_reminder: [
          `締切まであと${before}: ${tj}（${agency}）`,
          `${tj} の${agency}側はまだ提出されていません。\n締切: ${deadline}`,
        ],
        approval_reminder: [
          `承認待ち・締切まであと${before}: ${tj}（${agency}）`,
          `${tj} の${agency}側が機関の承認を待っています。\n${agency}の締切: ${deadline}`,
        ],
        review_reminder: [
          before ? `査読期限まであと${before}: ${tj}` : `査読のお願い: ${tj}`,
          `${tj} の査読がまだ提出されていません。${due ? `\n査読期限: ${due}` : ''}`,
        ],
        decision_published: [
          `採否の決定: ${tj}（${agency}）`,
          `${agency}による${tj} の採否が公表されました: ${p.decision === 'yes' ? '採択' : '不採択'}`,
        ],
      }
    : {
        approval_requested: [
          `Approval needed: ${t} (${agency})`,
          `The ${agency} side of ${t} was submitted and waits for your institution's approval.\n${agency} deadline: ${deadline}`,
        ],
        application_returned: [
          `Returned: ${t} (${agency})`,
          `Your institution returned the ${agency} side of ${t}. Please revise it and submit again.${comment}`,
        ],
        application_approved: [
          `Approved: ${t} (${agency})`,
          `Your institution approved the ${agency} side of ${t}; it is now submitted to ${agency}.${receipt}`,
        ],
        application_submitted: [`Submitted: ${t} (${agency})`, `The ${agency} side of ${t} is submitted to ${agency}.${receipt}`],
        review_assigned: [`Review assigned: ${t}`, `You are asked to review ${t}.${due ? `\nReview due: ${due}` : ''}`],
        deadline_reminder: [
          `${before} to the deadline: ${t} (${agency})`,
          `The ${agency} side of ${t} is not submitted yet.\nDeadline: ${deadline}`,
        ],
        approval_reminder: [
          `Approval pending, ${before} to the deadline: ${t} (${agency})`,
          `The ${agency} side of ${t} still waits for your institution's approval.\n${agency} deadline: ${deadline}`,
        ],
        review_reminder: [
          before ? `Review due in ${before}: ${t}` : `Reminder: your review of ${t}`,
          `Your review of ${t} is not submitted yet.${due ? `\nReview due: ${due}` : ''}`,
        ],
        decision_published: [
          `Decision: ${t} (${agency})`,
          `${agency} has published its decision on ${t}: ${p.decision === 'yes' ? 'funded' : 'not funded'}.`,
        ],
      };
  const [title, body] = texts[notice.kind];
  const link = `${publicUrl}/${notice.subjectType === 'assignment' ? 'assignments' : 'applications'}/${notice.subjectId}${notice.subjectType === 'assignment' ? '/application' : ''}`;
  return { title, body: `${body}${call}`, link };
}

/** An instant in the reader's zone, and in the deadline's own zone when it differs. */
function when(iso: string, zone: string, ownZone: string | undefined, ja: boolean): string {
  const format = (z: string) => {
    const local = DateTime.fromISO(iso, { zone: z });
    return `${local.toFormat("yyyy-MM-dd HH:mm 'UTC'ZZ")} (${z})`;
  };
  const mine = format(zone);
  if (!ownZone || ownZone === zone) return mine;
  return `${mine}${ja ? '、' : '; '}${format(ownZone)}`;
}

/** "14 days", "2 hours", "30 minutes" (or 14日, 2時間, 30分). */
export function span(minutes: number, ja = false): string {
  const [amount, unit] =
    minutes % 1440 === 0
      ? [minutes / 1440, ja ? '日' : 'day']
      : minutes % 60 === 0
        ? [minutes / 60, ja ? '時間' : 'hour']
        : [minutes, ja ? '分' : 'minute'];
  return ja ? `${amount}${unit}` : `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}
