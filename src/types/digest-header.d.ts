declare module "digest-header" {
  /** The Authorization header answering a Digest challenge (WWW-Authenticate), for `user:password`. */
  export default function digestAuthHeader(method: string, uri: string, wwwAuthenticate: string, userpass: string): string;
}
