import { ValidationArguments, ValidationOptions, registerDecorator } from 'class-validator';
import { PersonalId, PersonalIdRejection } from './personal-id';

/** What the person who typed the number reads, per rejection reason (NFC Vietnamese). */
export const PERSONAL_ID_MESSAGES: Readonly<Record<PersonalIdRejection, string>> = Object.freeze({
  required: 'Vui lòng nhập số định danh cá nhân.',
  contains_whitespace: 'Số định danh cá nhân không được chứa khoảng trắng.',
  non_digit: 'Số định danh cá nhân chỉ gồm các chữ số từ 0 đến 9.',
  wrong_length: 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
  unknown_province_code: 'Ba chữ số đầu của số định danh cá nhân không phải là mã tỉnh, thành phố hợp lệ.',
});

/** class-validator constraint name; the validation pipe can report it as the field error `code`. */
export const IS_PERSONAL_ID = 'isPersonalId';

/** The Vietnamese message for a value, or `undefined` when the value is a valid personal ID. */
export function personalIdMessage(value: unknown): string | undefined {
  const result = PersonalId.parse(value);
  return result.ok ? undefined : PERSONAL_ID_MESSAGES[result.reasons[0]];
}

/**
 * Validates a 12-digit personal ID (strict, see `PersonalId.parse`). The message explains the first thing wrong
 * with the value; pass `message` to override it.
 */
export function IsPersonalId(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: IS_PERSONAL_ID,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => PersonalId.parse(value).ok,
        defaultMessage: (args?: ValidationArguments) =>
          personalIdMessage(args?.value) ?? PERSONAL_ID_MESSAGES.wrong_length,
      },
    });
  };
}
