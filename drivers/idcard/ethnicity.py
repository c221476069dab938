"""Ethnic group codes (GB/T 3304) as stored on the resident card: two digits → the name printed on it."""

from __future__ import annotations

_NAMES = ["汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"]

ETHNICITIES: dict[str, str] = {f"{number:02d}": name for number, name in enumerate(_NAMES, start=1)}
ETHNICITIES["97"] = "其他"
ETHNICITIES["98"] = "外国血统中国籍人士"
CODES: dict[str, str] = {name: code for code, name in ETHNICITIES.items()}


def ethnicity_name(code: str) -> str:
    """The name for a code; KeyError if the code is not in GB/T 3304."""
    return ETHNICITIES[code]


def ethnicity_code(name: str) -> str:
    """The code for a name ("汉" or "汉族"); KeyError if unknown."""
    return CODES[name.removesuffix("族")] if name.removesuffix("族") in CODES else CODES[name]
