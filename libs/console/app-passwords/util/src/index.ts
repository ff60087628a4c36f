// The words the app-password libraries share: data-access fetches and keeps these shapes, ui
// shows them. A util library, because a ui library may not import data-access, not even a type.
export * from './app-password';
export * from './sign-in-attempt';
export * from './revocation';
export * from './generation';
export * from './mail-setup';
