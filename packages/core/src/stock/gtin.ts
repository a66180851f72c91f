/**
 * GS1 check digit (GS1 General Specifications §7.9.1): from the digit next
 * to the check digit leftwards, weights alternate 3, 1, 3, …; the check
 * digit brings the weighted sum up to a multiple of 10.
 */
export const gs1CheckDigit = (digitsWithoutCheck: string): number => {
  let sum = 0;
  for (let n = 0; n < digitsWithoutCheck.length; n++) {
    const digit = Number(digitsWithoutCheck[digitsWithoutCheck.length - 1 - n]);
    sum += digit * (n % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
};

/** True for a 14-digit GTIN whose last digit is its GS1 check digit. */
export const isValidGtin14 = (gtin: string): boolean =>
  /^\d{14}$/.test(gtin) && gs1CheckDigit(gtin.slice(0, 13)) === Number(gtin[13]);
