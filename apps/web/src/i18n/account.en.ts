import type { Translation } from './uk';

/** English strings of sign-in's second step, "My account" and the admin's MFA reset; keys as in account.uk.ts. */
export const accountEn: Translation['account'] = {
  title: 'My account',
  link: 'My account',
  mfaLogin: {
    title: 'Second sign-in factor',
    codeHelp: 'Enter the 6-digit code from your authenticator app.',
    code: 'Verification code',
    useRecovery: 'Use a recovery code instead',
    recoveryHelp: 'Enter one of the recovery codes you saved. Each code works only once.',
    recoveryCode: 'Recovery code',
    useCode: 'Enter a code from the app',
    submit: 'Verify',
    submitting: 'Checking…',
    back: 'Sign in with another account',
    waitSeconds: 'Too many attempts. Try again in {{seconds}} s.',
    codeFormat: 'Enter 6 digits',
  },
  setup: {
    title: 'Finish setting up your account',
    mfa: 'Your role requires a second sign-in factor. Set up an authenticator app to continue.',
    password: 'An administrator set your password. Choose your own password to continue.',
  },
  mfa: {
    title: 'Second factor (TOTP)',
    on: 'Second factor on',
    off: 'No second factor set up',
    intro:
      'Signing in will need, besides your password, a code from an authenticator app (Google Authenticator, ' +
      'Microsoft Authenticator, FreeOTP and the like).',
    start: 'Set up an authenticator',
    starting: 'Preparing…',
    scan: 'Scan the QR code with your authenticator app.',
    qrAlt: 'QR code for the authenticator app',
    manual: 'Or enter this key by hand:',
    confirmCode: 'Code from the app',
    confirm: 'Confirm',
    confirming: 'Checking…',
    restart: 'Start the set-up again.',
    codesTitle: 'Recovery codes',
    codesHelp:
      'Keep these ten codes somewhere safe: each signs you in once without the app. They will not be shown again.',
    copy: 'Copy',
    copied: 'Copied.',
    print: 'Print',
    saved: 'I saved the recovery codes',
    done: 'Done',
    enrolled: 'Second factor on. Next time you sign in, enter the code from the app.',
    resetByAdmin: 'If you lose the device and the recovery codes, ask an administrator.',
  },
  password: {
    title: 'Change password',
    help: 'Changing your password ends your other sessions.',
    current: 'Current password',
    new: 'New password',
    repeat: 'Repeat the new password',
    mismatch: 'The passwords do not match',
    submit: 'Change password',
    submitting: 'Saving…',
    changed: 'Password changed.',
  },
  admin: {
    resetMfa: 'Reset second factor',
    resetMfaTitle: 'Second factor',
    resetMfaHelp:
      "Removes the user's authenticator and recovery codes and ends their sessions. If the role requires a " +
      'second factor, the user sets it up again at the next sign-in.',
    resetMfaConfirm: 'Reset the second factor of {{name}}?',
    resetMfaDone: 'Second factor reset.',
    mustChange: 'The user must change this password to their own at the next sign-in.',
  },
};
