import type { Rng } from './prng';

/** Common surnames, roughly in order of frequency; the weights fall off so 王, 李, 张 dominate as in life. */
const SURNAMES = Array.from(
	'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金' +
		'石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
);

/** Compound surnames are rare but real. */
const COMPOUND_SURNAMES = ['欧阳', '上官', '司马', '诸葛', '东方', '慕容'];

const GIVEN = Array.from(
	'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉婷雪琳晶飞宇浩欣怡佳子涵梓轩思雨博文昊然天宁瑞凯俊嘉心悦诗琪晨' +
		'阳帆倩颖鑫淑兰建国志海斌波峰丹慧美晓小亮燕梅莉婧璐薇昕彤一诺泽铭睿航森楠奕妍露洁'
);

const SURNAME_WEIGHTS = SURNAMES.map((_, i) => 1 / Math.sqrt(i + 3));

/** A realistic Chinese full name: surname plus one or two given-name characters. */
export function chineseName(rng: Rng): string {
	const surname = rng.chance(0.004)
		? rng.pick(COMPOUND_SURNAMES)
		: (SURNAMES[rng.weightedIndex(SURNAME_WEIGHTS)] ?? '王');
	const first = rng.pick(GIVEN);
	return rng.chance(0.65) ? surname + first + rng.pick(GIVEN) : surname + first;
}
