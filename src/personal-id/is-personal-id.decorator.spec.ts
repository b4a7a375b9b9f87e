import { validate } from 'class-validator';
import { IS_PERSONAL_ID, IsPersonalId } from './is-personal-id.decorator';

class CounterFilingDto {
  @IsPersonalId()
  personalId!: unknown;
}

async function errorsFor(value: unknown) {
  const dto = new CounterFilingDto();
  dto.personalId = value;
  return validate(dto);
}

describe('@IsPersonalId', () => {
  it('accepts a valid number', async () => {
    expect(await errorsFor('075090012345')).toEqual([]);
  });

  it.each([
    [undefined, 'Vui lòng nhập số định danh cá nhân.'],
    ['07509001234', 'Số định danh cá nhân phải gồm đúng 12 chữ số.'],
    ['07509001234O', 'Số định danh cá nhân chỉ gồm các chữ số từ 0 đến 9.'],
    ['075 09001234', 'Số định danh cá nhân không được chứa khoảng trắng.'],
    ['098090012345', 'Ba chữ số đầu của số định danh cá nhân không phải là mã tỉnh, thành phố hợp lệ.'],
  ])('rejects %j with a Vietnamese message', async (value, message) => {
    const [error] = await errorsFor(value);
    expect(error.constraints).toEqual({ [IS_PERSONAL_ID]: message });
    expect(message).toBe(message.normalize('NFC'));
  });
});
