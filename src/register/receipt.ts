/**
 * 第三十一条: the date of receipt depends on how the application arrived — the day it was
 * handed in, the day a signed-for letter was signed for, the day the office confirmed an
 * ordinary letter with the applicant, the day both sides confirmed an online or fax one.
 */
import { RegisterError } from './lifecycle.js';
import type { Channel } from './types.js';

export interface Arrival {
  channel: Channel;
  /** When it reached the office (handed in, or the letter or message arrived). */
  arrivedOn: string;
  /** Signed for (挂号信、EMS). */
  signedForOn?: string;
  /** Confirmed with the applicant (平信: on the day it arrives; online and fax: both sides). */
  confirmedOn?: string;
}

export function receiptDate(a: Arrival): string {
  switch (a.channel) {
    case 'inPerson':
      return a.arrivedOn;
    case 'postSigned':
      return a.signedForOn ?? a.arrivedOn;
    case 'ordinaryLetter':
    case 'online':
    case 'fax': {
      if (!a.confirmedOn) {
        throw new RegisterError(
          a.channel === 'ordinaryLetter'
            ? '平信寄送的申请，应在收到当日与申请人确认，以确认之日为收到申请之日（条例第三十一条），请填写确认日期'
            : '通过互联网或传真提交的申请，以双方确认之日为收到申请之日（条例第三十一条），请填写确认日期',
        );
      }
      if (a.confirmedOn < a.arrivedOn) throw new RegisterError(`确认日期 ${a.confirmedOn} 早于申请到达的日期 ${a.arrivedOn}`);
      return a.confirmedOn;
    }
  }
}
