// Table of what officers type into each kind of column, and what theodoi makes of it: the value or the exact message.
import { describe, expect, it } from 'vitest';
import { read } from '../../../../support/all-types-template.js';

interface Case {
  name: string;
  column: string;
  input: unknown;
  value?: string | number | boolean | null;
  message?: string;
}

const ERR = (header: string, code: string, meaning: string): string =>
  `Cột "${header}": ô đang báo lỗi ${code} (${meaning}) — sửa hoặc xóa công thức rồi nhập giá trị.`;

const integerCases: Case[] = [
  { name: 'a number from the sheet', column: 'count', input: 5, value: 5 },
  { name: 'digits as text', column: 'count', input: '5', value: 5 },
  { name: 'thousands with dots "1.200"', column: 'count', input: '1.200', value: 1200 },
  { name: 'thousands with a space "1 200"', column: 'count', input: '1.200', value: 1200 },
  { name: 'thousands with a non-breaking space', column: 'count', input: '1\u00a0200', value: 1200 },
  {
    name: 'several dot groups "1.234.567" above max',
    column: 'count',
    input: '1.234.567',
    message: 'Cột "Số hội nghị": "1.234.567" vượt quá mức cho phép — tối đa 10.000.',
  },
  { name: 'English grouping "9,999,999" is unambiguous', column: 'area', input: '9,999,999', value: 9999999 },
  { name: 'a plus sign', column: 'count', input: '+7', value: 7 },
  { name: 'leading zeros', column: 'count', input: '007', value: 7 },
  { name: '"5.0" is a whole number', column: 'count', input: '5.0', value: 5 },
  { name: 'surrounding spaces and a zero-width space', column: 'count', input: ' \u200b12 ', value: 12 },
  {
    name: '"12 buổi" refused with the number as hint',
    column: 'count',
    input: '12 buổi',
    message: 'Cột "Số hội nghị": "12 buổi" không phải số nguyên — chỉ nhập số, ví dụ 12.',
  },
  {
    name: '"5 buổi" refused',
    column: 'count',
    input: '5 buổi',
    message: 'Cột "Số hội nghị": "5 buổi" không phải số nguyên — chỉ nhập số, ví dụ 5.',
  },
  {
    name: 'a word only',
    column: 'count',
    input: 'năm',
    message: 'Cột "Số hội nghị": "năm" không phải số nguyên — chỉ nhập số, ví dụ 5.',
  },
  {
    name: '"-3" typed as text',
    column: 'count',
    input: '-3',
    message: 'Cột "Số hội nghị": "-3" là số âm — nhập số từ 0 trở lên.',
  },
  {
    name: '-3 from the sheet',
    column: 'count',
    input: -3,
    message: 'Cột "Số hội nghị": "-3" là số âm — nhập số từ 0 trở lên.',
  },
  {
    name: '"1,5" is not whole',
    column: 'count',
    input: '1,5',
    message: 'Cột "Số hội nghị": "1,5" có phần thập phân — cột này chỉ nhận số nguyên, ví dụ 5.',
  },
  {
    name: '2.5 from the sheet is not whole',
    column: 'count',
    input: 2.5,
    message: 'Cột "Số hội nghị": "2,5" có phần thập phân — cột này chỉ nhận số nguyên, ví dụ 5.',
  },
  {
    name: '"1,200" is ambiguous',
    column: 'count',
    input: '1,200',
    message:
      'Cột "Số hội nghị": "1,200" không rõ là 1.200 hay 1,2 — nhập lại không dùng dấu phẩy, ví dụ 1200.',
  },
  {
    name: 'above the maximum',
    column: 'count',
    input: '20000',
    message: 'Cột "Số hội nghị": "20000" vượt quá mức cho phép — tối đa 10.000.',
  },
  {
    name: 'a checkbox',
    column: 'count',
    input: true,
    message: 'Cột "Số hội nghị": "TRUE" không phải số nguyên — chỉ nhập số, ví dụ 5.',
  },
  {
    name: 'NaN',
    column: 'count',
    input: Number.NaN,
    message: 'Cột "Số hội nghị": giá trị không đọc được — xóa ô rồi nhập lại.',
  },
  {
    name: 'Infinity',
    column: 'count',
    input: Number.POSITIVE_INFINITY,
    message: 'Cột "Số hội nghị": giá trị không đọc được — xóa ô rồi nhập lại.',
  },
  { name: 'an empty string is blank', column: 'count', input: '', value: null },
  { name: 'spaces only are blank', column: 'count', input: '   ', value: null },
  { name: 'a zero-width space only is blank', column: 'count', input: '\u200b', value: null },
  { name: 'undefined (trimmed trailing cell) is blank', column: 'count', input: undefined, value: null },
  {
    name: '#REF!',
    column: 'count',
    input: '#REF!',
    message: ERR('Số hội nghị', '#REF!', 'công thức tham chiếu đến ô không còn tồn tại'),
  },
  {
    name: '#N/A',
    column: 'count',
    input: '#N/A',
    message: ERR('Số hội nghị', '#N/A', 'công thức không tìm thấy giá trị'),
  },
  {
    name: '#VALUE!',
    column: 'count',
    input: '#VALUE!',
    message: ERR('Số hội nghị', '#VALUE!', 'công thức dùng sai kiểu dữ liệu'),
  },
  {
    name: '#DIV/0!',
    column: 'count',
    input: '#DIV/0!',
    message: ERR('Số hội nghị', '#DIV/0!', 'công thức chia cho 0'),
  },
  {
    name: '#NAME?',
    column: 'count',
    input: '#NAME?',
    message: ERR('Số hội nghị', '#NAME?', 'công thức có tên hàm hoặc tên vùng không đúng'),
  },
  {
    name: '#ERROR!',
    column: 'count',
    input: '#ERROR!',
    message: ERR('Số hội nghị', '#ERROR!', 'công thức viết sai'),
  },
  {
    name: '#NUM!',
    column: 'count',
    input: '#NUM!',
    message: ERR('Số hội nghị', '#NUM!', 'công thức cho kết quả số không hợp lệ'),
  },
  {
    name: '#NULL!',
    column: 'count',
    input: '#NULL!',
    message: ERR('Số hội nghị', '#NULL!', 'công thức dùng các vùng không giao nhau'),
  },
  {
    name: 'an error value in a text column too',
    column: 'officer',
    input: '#REF!',
    message: ERR('Người báo cáo', '#REF!', 'công thức tham chiếu đến ô không còn tồn tại'),
  },
];

const decimalCases: Case[] = [
  { name: 'decimal comma "1,5"', column: 'area', input: '1,5', value: 1.5 },
  { name: 'decimal point "1.5"', column: 'area', input: '1.5', value: 1.5 },
  { name: 'grouped with a decimal comma "1.234,5"', column: 'area', input: '1.234,5', value: 1234.5 },
  { name: '"1,200" read the Vietnamese way', column: 'area', input: '1,200', value: 1.2 },
  { name: 'a number from the sheet', column: 'area', input: 2.75, value: 2.75 },
  {
    name: 'a unit after the number',
    column: 'area',
    input: '3 ha',
    message:
      'Cột "Diện tích (ha)": "3 ha" không phải số — chỉ nhập số, phần thập phân dùng dấu phẩy, ví dụ 3.',
  },
  {
    name: 'a unit after a decimal',
    column: 'area',
    input: '0,5 ha',
    message:
      'Cột "Diện tích (ha)": "0,5 ha" không phải số — chỉ nhập số, phần thập phân dùng dấu phẩy, ví dụ 1,5.',
  },
];

const moneyCases: Case[] = [
  { name: 'a number from the sheet', column: 'budget', input: 1_500_000, value: 1_500_000 },
  { name: '"1.500.000 đ"', column: 'budget', input: '1.500.000 đ', value: 1_500_000 },
  { name: '"1.500.000đ"', column: 'budget', input: '1.500.000đ', value: 1_500_000 },
  { name: '"1.500.000 VNĐ"', column: 'budget', input: '1.500.000 VNĐ', value: 1_500_000 },
  { name: '"1.500.000 đồng"', column: 'budget', input: '1.500.000 đồng', value: 1_500_000 },
  { name: '"1.500.000₫"', column: 'budget', input: '1.500.000₫', value: 1_500_000 },
  { name: '"1 500 000"', column: 'budget', input: '1 500 000', value: 1_500_000 },
  { name: '"1,5 triệu"', column: 'budget', input: '1,5 triệu', value: 1_500_000 },
  { name: '"1,5 triệu đồng"', column: 'budget', input: '1,5 triệu đồng', value: 1_500_000 },
  { name: '"1,500 triệu" with a scale word', column: 'budget', input: '1,500 triệu', value: 1_500_000 },
  { name: '"2 tỷ"', column: 'budget', input: '2 tỷ', value: 2_000_000_000 },
  { name: '"500 nghìn"', column: 'budget', input: '500 nghìn', value: 500_000 },
  { name: '"1,1 triệu" is exact', column: 'budget', input: '1,1 triệu', value: 1_100_000 },
  {
    name: 'a fraction of a đồng after scaling',
    column: 'budget',
    input: '1,2345 nghìn',
    message:
      'Cột "Kinh phí": "1,2345 nghìn" không phải số đồng chẵn — nhập số tiền tính bằng đồng, không có phần lẻ.',
  },
  {
    name: 'a fraction of a đồng from the sheet',
    column: 'budget',
    input: 1500.5,
    message:
      'Cột "Kinh phí": "1.500,5" không phải số đồng chẵn — nhập số tiền tính bằng đồng, không có phần lẻ.',
  },
  {
    name: 'words around the amount',
    column: 'budget',
    input: 'khoảng 2 triệu',
    message:
      'Cột "Kinh phí": "khoảng 2 triệu" không phải số tiền — nhập số đồng, ví dụ 1.500.000 hoặc 1,5 triệu.',
  },
  {
    name: 'colloquial "500k"',
    column: 'budget',
    input: '500k',
    message: 'Cột "Kinh phí": "500k" không phải số tiền — nhập số đồng, ví dụ 1.500.000 hoặc 1,5 triệu.',
  },
  {
    name: 'ambiguous "1,500"',
    column: 'budget',
    input: '1,500',
    message: 'Cột "Kinh phí": "1,500" không rõ là 1.500 hay 1,5 — nhập lại không dùng dấu phẩy, ví dụ 1500.',
  },
  {
    name: 'a negative amount',
    column: 'budget',
    input: '-500.000 đ',
    message: 'Cột "Kinh phí": "-500.000 đ" là số âm — nhập số từ 0 trở lên.',
  },
];

const percentCases: Case[] = [
  { name: 'a fraction from the sheet', column: 'done', input: 0.75, value: 0.75 },
  { name: '"75%"', column: 'done', input: '75%', value: 0.75 },
  { name: '"75"', column: 'done', input: '75', value: 0.75 },
  { name: '"75 %"', column: 'done', input: '75 %', value: 0.75 },
  { name: '75 from an unformatted cell', column: 'done', input: 75, value: 0.75 },
  { name: '"0,75" as a fraction', column: 'done', input: '0,75', value: 0.75 },
  { name: '"33,3%"', column: 'done', input: '33,3%', value: 0.333 },
  { name: '"100%"', column: 'done', input: '100%', value: 1 },
  {
    name: '"120%" is above the maximum',
    column: 'done',
    input: '120%',
    message: 'Cột "Tỷ lệ hoàn thành": "120%" vượt quá mức cho phép — tối đa 100%.',
  },
  {
    name: '1.2 from a percent cell shows as 120%',
    column: 'done',
    input: 1.2,
    message: 'Cột "Tỷ lệ hoàn thành": "120%" vượt quá mức cho phép — tối đa 100%.',
  },
  {
    name: 'words',
    column: 'done',
    input: 'bảy mươi',
    message: 'Cột "Tỷ lệ hoàn thành": "bảy mươi" không phải tỷ lệ phần trăm — nhập số, ví dụ 75 hoặc 75%.',
  },
  {
    name: 'negative',
    column: 'done',
    input: '-5%',
    message: 'Cột "Tỷ lệ hoàn thành": "-5%" là số âm — nhập số từ 0 trở lên.',
  },
];

const dateCases: Case[] = [
  { name: 'a serial number', column: 'date', input: 45366, value: '2024-03-15' },
  { name: 'a serial with a time of day', column: 'date', input: 45366.75, value: '2024-03-15' },
  { name: '"15/3/2024"', column: 'date', input: '15/3/2024', value: '2024-03-15' },
  { name: '"15/03/24"', column: 'date', input: '15/03/24', value: '2024-03-15' },
  { name: '"15-03-2024"', column: 'date', input: '15-03-2024', value: '2024-03-15' },
  { name: '"15.03.2024"', column: 'date', input: '15.03.2024', value: '2024-03-15' },
  { name: '"2024-03-15"', column: 'date', input: '2024-03-15', value: '2024-03-15' },
  {
    name: '"ngày 15 tháng 3 năm 2024"',
    column: 'date',
    input: 'ngày 15 tháng 3 năm 2024',
    value: '2024-03-15',
  },
  {
    name: '"Ngày 05 tháng 02 năm 2024"',
    column: 'date',
    input: 'Ngày 05 tháng 02 năm 2024',
    value: '2024-02-05',
  },
  {
    name: 'NFD "ngày 15 tháng 3 năm 2024"',
    column: 'date',
    input: 'ngày 15 tháng 3 năm 2024'.normalize('NFD'),
    value: '2024-03-15',
  },
  { name: '"ngày 15/3/2024"', column: 'date', input: 'ngày 15/3/2024', value: '2024-03-15' },
  { name: 'a date and a time', column: 'date', input: '15/03/2024 08:30', value: '2024-03-15' },
  { name: 'a weekday first', column: 'date', input: 'Thứ Hai, 18/03/2024', value: '2024-03-18' },
  { name: 'a comma before the time', column: 'date', input: '15/03/2024, 8h30', value: '2024-03-15' },
  { name: 'a trailing full stop', column: 'date', input: 'ngày 15 tháng 3 năm 2024.', value: '2024-03-15' },
  { name: '29/02 of a leap year', column: 'date', input: '29/02/2024', value: '2024-02-29' },
  {
    name: '31/02 does not exist',
    column: 'date',
    input: '31/02/2024',
    message: 'Cột "Ngày hoàn thành": "31/02/2024" không phải ngày có thật — tháng 2/2024 chỉ có 29 ngày.',
  },
  {
    name: '29/02 of a common year',
    column: 'date',
    input: '29/02/2023',
    message: 'Cột "Ngày hoàn thành": "29/02/2023" không phải ngày có thật — tháng 2/2023 chỉ có 28 ngày.',
  },
  {
    name: '31/04 does not exist',
    column: 'date',
    input: '31/04/2024',
    message: 'Cột "Ngày hoàn thành": "31/04/2024" không phải ngày có thật — tháng 4/2024 chỉ có 30 ngày.',
  },
  {
    name: '"15/3" asks for the year',
    column: 'date',
    input: '15/3',
    message: 'Cột "Ngày hoàn thành": "15/3" chưa có năm — ghi đủ ngày/tháng/năm.',
  },
  {
    name: '"ngày 15 tháng 3" asks for the year',
    column: 'date',
    input: 'ngày 15 tháng 3',
    message: 'Cột "Ngày hoàn thành": "ngày 15 tháng 3" chưa có năm — ghi đủ ngày/tháng/năm.',
  },
  {
    name: 'month first (US order)',
    column: 'date',
    input: '3/15/2024',
    message:
      'Cột "Ngày hoàn thành": "3/15/2024" không có tháng 15 — ghi theo thứ tự ngày/tháng/năm, ví dụ 15/3/2024.',
  },
  {
    name: 'words',
    column: 'date',
    input: 'hôm qua',
    message: 'Cột "Ngày hoàn thành": "hôm qua" không phải ngày — ghi theo ngày/tháng/năm, ví dụ 15/3/2024.',
  },
  {
    name: 'a tiny serial is out of range',
    column: 'date',
    input: 5,
    message:
      'Cột "Ngày hoàn thành": ngày 04/01/1900 nằm ngoài khoảng cho phép, từ 01/01/1990 đến 31/12/2099.',
  },
  {
    name: 'a negative serial',
    column: 'date',
    input: -1,
    message: 'Cột "Ngày hoàn thành": "-1" không phải ngày — ghi theo ngày/tháng/năm, ví dụ 15/3/2024.',
  },
];

const choiceCases: Case[] = [
  { name: 'an option as declared', column: 'status', input: 'Hoàn thành', value: 'Hoàn thành' },
  { name: 'lower case', column: 'status', input: 'hoàn thành', value: 'Hoàn thành' },
  { name: 'without diacritics', column: 'status', input: 'Hoan thanh', value: 'Hoàn thành' },
  {
    name: 'upper case with spaces around',
    column: 'status',
    input: ' ĐANG THỰC HIỆN ',
    value: 'Đang thực hiện',
  },
  {
    name: 'not an option',
    column: 'status',
    input: 'Xong',
    message:
      'Cột "Trạng thái": "Xong" không có trong danh sách — chọn một trong: Chưa thực hiện, Đang thực hiện, Hoàn thành.',
  },
];

const yesNoCases: Case[] = [
  { name: '"Có"', column: 'model', input: 'Có', value: true },
  { name: '"Không"', column: 'model', input: 'Không', value: false },
  { name: '"x"', column: 'model', input: 'x', value: true },
  { name: '"✓"', column: 'model', input: '✓', value: true },
  { name: '"TRUE"', column: 'model', input: 'TRUE', value: true },
  { name: '"FALSE"', column: 'model', input: 'FALSE', value: false },
  { name: 'a checked checkbox', column: 'model', input: true, value: true },
  { name: 'an unchecked checkbox', column: 'model', input: false, value: false },
  { name: '"co" without diacritics', column: 'model', input: 'co', value: true },
  { name: '"ko"', column: 'model', input: 'ko', value: false },
  { name: '"không có"', column: 'model', input: 'không có', value: false },
  {
    name: 'unclear',
    column: 'model',
    input: 'Chắc có',
    message: 'Cột "Có mô hình mới": "Chắc có" không rõ là có hay không — nhập Có hoặc Không.',
  },
];

const urlCases: Case[] = [
  {
    name: 'an https link',
    column: 'link',
    input: 'https://drive.google.com/drive/folders/1AbC',
    value: 'https://drive.google.com/drive/folders/1AbC',
  },
  {
    name: 'an http link',
    column: 'link',
    input: 'http://thapmuoi.dongthap.gov.vn/tin-tuc',
    value: 'http://thapmuoi.dongthap.gov.vn/tin-tuc',
  },
  {
    name: 'a link without its scheme',
    column: 'link',
    input: 'drive.google.com/file/d/xyz',
    value: 'https://drive.google.com/file/d/xyz',
  },
  {
    name: 'ftp',
    column: 'link',
    input: 'ftp://files.example.com/a',
    message:
      'Cột "Đường dẫn minh chứng": "ftp://files.example.com/a" không được chấp nhận — chỉ dùng liên kết bắt đầu bằng http:// hoặc https://.',
  },
  {
    name: 'javascript:',
    column: 'link',
    input: 'javascript:alert(1)',
    message:
      'Cột "Đường dẫn minh chứng": "javascript:alert(1)" không được chấp nhận — chỉ dùng liên kết bắt đầu bằng http:// hoặc https://.',
  },
  {
    name: 'words',
    column: 'link',
    input: 'xem trong hồ sơ',
    message:
      'Cột "Đường dẫn minh chứng": "xem trong hồ sơ" không phải đường liên kết — dán liên kết đầy đủ, bắt đầu bằng https://.',
  },
  {
    name: 'a host without a domain',
    column: 'link',
    input: 'https://localhost/a',
    message:
      'Cột "Đường dẫn minh chứng": "https://localhost/a" không phải đường liên kết — dán liên kết đầy đủ, bắt đầu bằng https://.',
  },
];

const PHONE_HINT =
  'không phải số điện thoại Việt Nam — nhập một số, ví dụ 0912 345 678 (di động) hoặc 0277 3851 234 (cố định).';
const phoneCases: Case[] = [
  { name: 'a Đồng Tháp landline', column: 'phone', input: '0277 3851 234', value: '02773851234' },
  { name: 'a landline with dots', column: 'phone', input: '0277.3851.234', value: '02773851234' },
  { name: 'a 09x mobile', column: 'phone', input: '0912 345 678', value: '0912345678' },
  { name: 'a mobile with dashes', column: 'phone', input: '0912-345-678', value: '0912345678' },
  { name: 'a 03x mobile', column: 'phone', input: '0345678901', value: '0345678901' },
  { name: 'a 07x mobile', column: 'phone', input: '0789 123 456', value: '0789123456' },
  { name: 'an 08x mobile', column: 'phone', input: '0812345678', value: '0812345678' },
  { name: 'a 05x mobile', column: 'phone', input: '0562345678', value: '0562345678' },
  { name: '+84 mobile', column: 'phone', input: '+84 912 345 678', value: '0912345678' },
  { name: '+84 landline', column: 'phone', input: '+84 277 3851 234', value: '02773851234' },
  {
    name: 'a mobile that lost its 0 as a sheet number',
    column: 'phone',
    input: 912345678,
    value: '0912345678',
  },
  {
    name: 'an old 01x mobile',
    column: 'phone',
    input: '0123456789',
    message: `Cột "Số điện thoại": "0123456789" ${PHONE_HINT}`,
  },
  {
    name: 'two numbers',
    column: 'phone',
    input: '0912 345 678 - 0277 3851 234',
    message: `Cột "Số điện thoại": "0912 345 678 - 0277 3851 234" ${PHONE_HINT}`,
  },
  {
    name: 'too short',
    column: 'phone',
    input: '12345',
    message: `Cột "Số điện thoại": "12345" ${PHONE_HINT}`,
  },
];

const emailCases: Case[] = [
  {
    name: 'the domain is lowercased',
    column: 'email',
    input: 'NguyenVanA@ThapMuoi.DongThap.gov.vn',
    value: 'NguyenVanA@thapmuoi.dongthap.gov.vn',
  },
  { name: 'mailto: is dropped', column: 'email', input: 'mailto:a.b@gmail.com', value: 'a.b@gmail.com' },
  {
    name: 'no domain',
    column: 'email',
    input: 'abc@',
    message:
      'Cột "Thư điện tử": "abc@" không phải địa chỉ thư điện tử — ví dụ nguyenvana@thapmuoi.dongthap.gov.vn.',
  },
  {
    name: 'a space inside',
    column: 'email',
    input: 'a b@gmail.com',
    message:
      'Cột "Thư điện tử": "a b@gmail.com" không phải địa chỉ thư điện tử — ví dụ nguyenvana@thapmuoi.dongthap.gov.vn.',
  },
  {
    name: 'a domain without a dot',
    column: 'email',
    input: 'a@localhost',
    message:
      'Cột "Thư điện tử": "a@localhost" không phải địa chỉ thư điện tử — ví dụ nguyenvana@thapmuoi.dongthap.gov.vn.',
  },
];

const textCases: Case[] = [
  { name: 'trimmed', column: 'officer', input: '  Nguyễn Văn A  ', value: 'Nguyễn Văn A' },
  {
    name: 'NFD becomes NFC',
    column: 'officer',
    input: 'Nguyễn Thị Mỹ Quí'.normalize('NFD'),
    value: 'Nguyễn Thị Mỹ Quí'.normalize('NFC'),
  },
  {
    name: 'non-breaking spaces become spaces',
    column: 'officer',
    input: 'Nguyễn\u00a0Văn\u00a0A',
    value: 'Nguyễn Văn A',
  },
  {
    name: 'zero-width characters are removed',
    column: 'officer',
    input: 'Nguy\u200bễn\u2060 Văn\ufeff A',
    value: 'Nguyễn Văn A',
  },
  {
    name: 'a formula-like text is kept as text',
    column: 'officer',
    input: '=IMPORTXML("http://x.vn","//a")',
    value: '=IMPORTXML("http://x.vn","//a")',
  },
  { name: 'a number in a text column', column: 'officer', input: 12345, value: '12345' },
  {
    name: 'a line break in one-line text',
    column: 'officer',
    input: 'Dòng 1\nDòng 2',
    message: 'Cột "Người báo cáo": không được xuống dòng hoặc dùng phím Tab — viết liền trên một dòng.',
  },
  {
    name: 'a tab in one-line text',
    column: 'officer',
    input: 'A\tB',
    message: 'Cột "Người báo cáo": không được xuống dòng hoặc dùng phím Tab — viết liền trên một dòng.',
  },
  {
    name: 'a control character',
    column: 'officer',
    input: 'A\u0007B',
    message: 'Cột "Người báo cáo": có ký tự điều khiển không nhìn thấy (U+0007) — xóa ô rồi nhập lại.',
  },
  {
    name: 'a broken character',
    column: 'officer',
    input: 'A\ud800B',
    message: 'Cột "Người báo cáo": nội dung có ký tự hỏng, không đọc được — xóa ô rồi nhập lại.',
  },
  {
    name: 'longer than the column allows',
    column: 'officer',
    input: 'x'.repeat(101),
    message:
      'Cột "Người báo cáo": nội dung dài 101 ký tự, vượt quá 100 ký tự — rút gọn hoặc đưa vào tài liệu minh chứng.',
  },
  {
    name: 'long text keeps line breaks, CRLF made LF',
    column: 'result',
    input: 'Dòng 1\r\nDòng 2',
    value: 'Dòng 1\nDòng 2',
  },
  { name: 'long text keeps tabs', column: 'result', input: 'Cột 1\tCột 2', value: 'Cột 1\tCột 2' },
  {
    name: 'long text with a leading dash',
    column: 'result',
    input: '- Đã tổ chức 3 hội nghị',
    value: '- Đã tổ chức 3 hội nghị',
  },
  {
    name: 'a 50,001-character paste',
    column: 'result',
    input: 'a'.repeat(50_001),
    message:
      'Cột "Kết quả": nội dung dài 50.001 ký tự, vượt quá 50.000 ký tự — rút gọn hoặc đưa vào tài liệu minh chứng.',
  },
  {
    name: 'exactly 50,000 characters',
    column: 'result',
    input: 'a'.repeat(50_000),
    value: 'a'.repeat(50_000),
  },
  {
    name: 'an object',
    column: 'result',
    input: { a: 1 },
    message: 'Cột "Kết quả": giá trị không đọc được — xóa ô rồi nhập lại.',
  },
];

const groups: Record<string, Case[]> = {
  'whole numbers': integerCases,
  'decimal numbers': decimalCases,
  money: moneyCases,
  percentages: percentCases,
  dates: dateCases,
  choices: choiceCases,
  'yes/no': yesNoCases,
  links: urlCases,
  'phone numbers': phoneCases,
  'e-mail addresses': emailCases,
  'text hygiene': textCases,
};

describe('officer input', () => {
  it('covers at least 80 inputs', () => {
    expect(Object.values(groups).flat().length).toBeGreaterThanOrEqual(80);
  });

  Object.entries(groups).forEach(([group, cases]) => {
    describe(group, () => {
      cases.forEach((tc) => {
        it(tc.name, () => {
          const result = read(tc.column, tc.input);
          if (tc.message !== undefined) expect(result).toEqual({ message: tc.message });
          else expect(result).toEqual({ value: tc.value });
        });
      });
    });
  });

  it('completes a date typed without a year with the reference year', () => {
    expect(read('date', '15/3', { referenceYear: 2026 })).toEqual({
      message: 'Cột "Ngày hoàn thành": "15/3" chưa có năm — ghi đủ ngày/tháng/năm, ví dụ 15/3/2026.',
    });
  });
});
