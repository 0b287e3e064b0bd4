// The small lists synthetic reports are varied from. Names and places are real Vietnamese forms, so the
// extractor, the fold and the collation see the same letters, tone marks and lengths as in a real archive.

/** Centrally-run cities, whose Party committee is a `Thành ủy`. */
export const CITIES = ['Hà Nội', 'Cần Thơ', 'Hải Phòng', 'Đà Nẵng', 'Huế'] as const;

/** Provinces, whose Party committee is a `Tỉnh ủy`. */
export const PROVINCES = [
  'Lạng Sơn',
  'Quảng Ninh',
  'Nghệ An',
  'Thanh Hóa',
  'Đắk Lắk',
  'Bắc Ninh',
  'Kiên Giang',
  'Sóc Trăng',
  'Lào Cai',
  'Bình Định',
  'Đồng Tháp',
  'Quảng Ngãi',
] as const;

/** Districts, for the `Huyện ủy` reports. */
export const DISTRICTS = [
  'Thanh Trì',
  'Gia Lâm',
  'Sóc Sơn',
  'Ninh Kiều',
  'Thốt Nốt',
  'Cờ Đỏ',
  'Vĩnh Thạnh',
  'Cao Lộc',
  'Hữu Lũng',
] as const;

/** People named in the five samples; each report renames them consistently. */
export const SAMPLE_PEOPLE = [
  'Trần Quốc Trung',
  'Phạm Văn Hiểu',
  'Mai Thanh Dân',
  'Trần Thành Trai',
  'Lê Văn Thành',
  'Nguyễn Thị Lan Hương',
  'Trần Văn Khương',
  'Lâm Thị Phương Thanh',
  'Nguyễn Văn Hiếu',
] as const;

/** Places named in the five samples; each report moves them to its own province and district. */
export const SAMPLE_PLACES = { cities: ['Cần Thơ', 'Hà Nội', 'Lạng Sơn'], district: 'Thanh Trì' } as const;

/** Family names. */
export const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lâm',
] as const;

/** Middle names. */
export const MIDDLE_NAMES = [
  'Văn',
  'Thị',
  'Quốc',
  'Thanh',
  'Minh',
  'Hữu',
  'Đức',
  'Ngọc',
  'Xuân',
  'Thị Lan',
] as const;

/** Given names. */
export const GIVEN_NAMES = [
  'Trung',
  'Hiểu',
  'Dân',
  'Hương',
  'Khương',
  'Hiếu',
  'Hùng',
  'Dũng',
  'Tuấn',
  'Hoa',
  'Sơn',
  'Bình',
  'Phúc',
  'Quang',
  'Hải',
  'Long',
  'Nam',
  'Yến',
] as const;

/** Numbers of central resolutions (`22-NQ/TW`) a report may be about. */
export const RESOLUTION_NUMBERS = ['22', '19', '18', '26', '04', '21', '37', '39', '35'] as const;
/** Numbers of Politburo directives (`36-CT/TW`) a report may be about. */
export const DIRECTIVE_NUMBERS = ['36', '05', '10', '35', '28'] as const;

/** Section labels scraped from the top of the page. */
export const SECTION_LABELS = ['tin tức - sự kiện', 'Xây dựng Đảng', 'Thời sự', 'Chính trị'] as const;

/** Days of the week as page headers write them (index 0 is Sunday). */
export const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'] as const;

/** Link and widget blocks scraped from the foot of the page. */
export const FOOTER_DEBRIS = [
  'Có thể bạn quan tâm\n\nPhản hồi\n\nThông tin người gửi phản hồi\n\nCác tin khác\n\nMới nhất\n\nLiên kết website\n\nXem nhiều nhất',
  'Thông tin thời tiết\n\nHà Nội\nĐà Nẵng\nTP Hồ Chí Minh',
  'Tin liên quan\n\nXem thêm',
] as const;

/** Outlets that sign a byline. */
export const OUTLETS = ['TTXVN', 'TGCT', 'Báo Lạng Sơn', 'Trung tâm Văn hóa- TT&TT'] as const;
