/** Where the carrier lives on `globalThis` (one per page or process, shared by every copy of the SDK). */
export const CARRIER_KEY = '__FAULTLINE_CARRIER__';
