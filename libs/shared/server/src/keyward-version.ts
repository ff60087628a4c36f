// eslint-disable-next-line @nx/enforce-module-boundaries -- the root package.json is where the version is written, once
import { version } from '../../../../package.json';

/** Keyward's version (package.json), as export manifests and OCSF events name the product. */
export const KEYWARD_VERSION: string = version;
