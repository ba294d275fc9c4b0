/**
 * The WxM client of a gadget whose WxM address this build does not allow: every call fails at once with a
 * configuration error, and nothing is sent anywhere (no token is fetched either). The gadgets show it in
 * their usual error state, next to the configuration problem that explains it.
 */
import { AppError } from '../errors.js';
import type { WxmApi } from '../wxm/api.js';
import type { ConfigProblem } from './types.js';

export function blockedWxm(problem: ConfigProblem): WxmApi {
  const refuse = (): never => {
    throw new AppError('config-invalid', 'config', problem.message, { retryable: false });
  };
  const fail = async (): Promise<never> => refuse();
  return {
    settings: fail,
    questionnaires: fail,
    tagMap: fail,
    answersPage: fail,
    count: fail,
    flashNps: fail,
    answer: fail,
    async *streamAnswers() {
      refuse();
    },
  };
}
