import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldError } from '../errors/domain-error';

/**
 * Vietnamese messages for class-validator constraints, keyed by constraint name. A DTO may still give its own
 * message; this table is the fallback so that no English text reaches a citizen.
 */
const MESSAGES: Record<string, [code: string, message: string]> = {
  whitelistValidation: ['unknown_field', 'Trường này không được chấp nhận.'],
  isDefined: ['required', 'Trường này là bắt buộc.'],
  isNotEmpty: ['required', 'Trường này không được để trống.'],
  isString: ['invalid_type', 'Giá trị phải là chuỗi ký tự.'],
  isInt: ['invalid_type', 'Giá trị phải là số nguyên.'],
  isNumber: ['invalid_type', 'Giá trị phải là số.'],
  isBoolean: ['invalid_type', 'Giá trị phải là đúng hoặc sai (true/false).'],
  isArray: ['invalid_type', 'Giá trị phải là danh sách.'],
  isObject: ['invalid_type', 'Giá trị phải là một đối tượng.'],
  nestedValidation: ['invalid_type', 'Giá trị phải là một đối tượng.'],
  isIn: ['invalid_value', 'Giá trị không thuộc danh sách cho phép.'],
  isEnum: ['invalid_value', 'Giá trị không thuộc danh sách cho phép.'],
  min: ['too_small', 'Giá trị quá nhỏ.'],
  max: ['too_large', 'Giá trị quá lớn.'],
  minLength: ['too_short', 'Giá trị quá ngắn.'],
  maxLength: ['too_long', 'Giá trị quá dài.'],
  arrayMinSize: ['too_few', 'Danh sách có quá ít phần tử.'],
  arrayMaxSize: ['too_many', 'Danh sách có quá nhiều phần tử.'],
  isEmail: ['invalid_format', 'Địa chỉ thư điện tử không hợp lệ.'],
  matches: ['invalid_format', 'Giá trị không đúng định dạng.'],
  isDateString: ['invalid_date', 'Ngày phải có dạng YYYY-MM-DD.'],
  isIsoDate: ['invalid_date', 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.'],
  equals: ['invalid_value', 'Giá trị không hợp lệ.'],
};

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, text] of Object.entries(error.constraints ?? {})) {
      const [code, fallback] = MESSAGES[constraint] ?? ['invalid_value', 'Giá trị không hợp lệ.'];
      const custom = error.contexts?.[constraint]?.vi as string | undefined;
      out.push({
        field,
        code: (error.contexts?.[constraint]?.code as string) ?? code,
        message: custom ?? (isVietnamese(text) ? text : fallback),
      });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** class-validator's default messages are English; a message with Vietnamese letters is one a DTO wrote. */
function isVietnamese(text: string): boolean {
  return /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i.test(text);
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => DomainError.validation(flattenValidationErrors(errors)),
  });
}
