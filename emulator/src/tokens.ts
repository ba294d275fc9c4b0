/**
 * Bearer tokens with real expiry, shared by WxM (which checks them) and the Cloud Connect token service
 * and LoginToken (which issue them). The lifetime can be shortened at run time so tests see expiry.
 */
import { randomBytes } from 'node:crypto';

export type TokenCheck = 'ok' | 'expired' | 'invalid';

export class TokenStore {
  private tokens = new Map<string, { user: string; expiresAt: number }>();
  /** Default 12 h, as WxM's LoginToken (expires_in 43199). */
  ttlMs = 43_199_000;

  issue(user: string, ttlMs = this.ttlMs): { token: string; expiresAt: number } {
    const token = randomBytes(24).toString('base64url');
    const expiresAt = Date.now() + ttlMs;
    this.tokens.set(token, { user, expiresAt });
    return { token, expiresAt };
  }

  check(token: string | undefined): TokenCheck {
    const entry = token ? this.tokens.get(token) : undefined;
    if (!entry) return 'invalid';
    return entry.expiresAt > Date.now() ? 'ok' : 'expired';
  }

  /** Whom a valid token was issued to ("admin", "cloudconnect:<Finesse id>", "cloudconnect:cvp"). */
  userOf(token: string | undefined): string | undefined {
    return this.check(token) === 'ok' ? this.tokens.get(token!)!.user : undefined;
  }

  /** Make every issued token expire now (a test's "401 mid-session"). */
  expireAll(): void {
    for (const entry of this.tokens.values()) entry.expiresAt = 0;
  }
}
