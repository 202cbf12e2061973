/** The parts of sm-crypto (decision 0022) this project uses; the package ships no types. */
declare module 'sm-crypto' {
  interface Sm4Options {
    padding?: 'pkcs#7' | 'pkcs#5' | 'none';
    mode?: 'cbc' | 'ecb';
    iv?: string | number[];
    output?: 'string' | 'array';
  }
  /** A CommonJS package: Node's ESM loader gives it as the default export only. */
  const smCrypto: {
    sm4: {
      encrypt(input: string | number[], key: string | number[], options?: Sm4Options): string | number[];
      decrypt(input: string | number[], key: string | number[], options?: Sm4Options): string | number[];
    };
    /** SM3 digest as hex; with `key` (hex) HMAC-SM3. A string input is taken as UTF-8. */
    sm3(input: string | number[], options?: { key?: string | number[] }): string;
  };
  export default smCrypto;
}
