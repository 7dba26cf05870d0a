import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { fromLocalDateTime, localDateTime } from '@yizhan/shared';
import type { ResidentAuth, StaffAuth } from '../../common/auth/auth-context';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config';
import { AuthService } from '../auth/auth.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { ContactsService } from '../contacts/contacts.service';
import { CommunitiesService } from '../communities/communities.service';
import { Community } from '../communities/community.entities';
import { DutyService } from '../duty/duty.service';
import { FilesService } from '../files/files.service';
import { ResidentsService } from '../residents/residents.service';
import { Staff } from '../staff/staff.entity';
import { StaffService } from '../staff/staff.service';
import { TicketClosing } from '../tickets/ticket-closing.service';
import { TicketComplaints } from '../tickets/ticket-complaints.service';
import { TicketIntake } from '../tickets/ticket-intake.service';
import { TicketQueue } from '../tickets/ticket-queue.service';
import { TicketWork } from '../tickets/ticket-work.service';
import { spreadDemoTimelines } from './demo-timelines';
import { FollowersService } from '../tickets/followers.service';
import { PlacesService } from '../places/places.service';

/** Demo staff accounts; the README lists them. All share one password. */
export const DEMO_PASSWORD = 'demo1234';
export const DEMO_STAFF = [
  { username: 'kefu_a1', name: '李敏', roles: ['agent'], skills: [] },
  { username: 'kefu_b2', name: '周杰', roles: ['agent'], skills: [] },
  { username: 'kefu_night', name: '陈晨', roles: ['agent'], skills: [] },
  { username: 'shifu_wang', name: '王建国', roles: ['technician'], skills: ['水电', '管道疏通', '燃气'] },
  { username: 'shifu_zhao', name: '赵师傅', roles: ['technician'], skills: ['门窗', '公共设施', '家电清洗'] },
  { username: 'zhuguan', name: '刘主管', roles: ['supervisor', 'agent'], skills: [] },
] as const;

const META = { ip: null };
/** WeChat users of the demo: residents log in on the h5 build with code "fake:<name>". */
export const DEMO_RESIDENTS = ['demo', 'linju1', 'linju2', 'linju3'];

/**
 * The demo community of the README: 翠湖花园 with zones A1 and B2, a roster, agents on
 * the seeds' arrangement (zone day shifts 08:30–21:00, a community-wide night shift),
 * technicians, a supervisor, a service catalogue and requests in every state — all
 * created through the same services the API uses, so every timeline is a real one.
 * Runs only on an empty database.
 */
@Injectable()
export class DemoDataLoader {
  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    @Inject(APP_CONFIG) readonly config: AppConfig,
    readonly authService: AuthService,
    readonly communities: CommunitiesService,
    readonly staffService: StaffService,
    readonly duty: DutyService,
    readonly catalogue: CatalogueService,
    readonly residents: ResidentsService,
    readonly contacts: ContactsService,
    readonly files: FilesService,
    readonly intake: TicketIntake,
    readonly queue: TicketQueue,
    readonly work: TicketWork,
    readonly closing: TicketClosing,
    readonly followers: FollowersService,
    readonly places: PlacesService,
    readonly complaints: TicketComplaints,
  ) {}

  /** Loads the demo community into an empty database; `residentOpenids` are the demo residents' WeChat users. */
  load(options: { residentOpenids?: string[] } = {}): Promise<void> {
    return loadDemoData(this, options);
  }
}

/** The services the demo data is filed through — the same ones the API uses. */
type DemoServices = Omit<DemoDataLoader, 'load'>;

async function loadDemoData(services: DemoServices, options: { residentOpenids?: string[] }): Promise<void> {
  const logger = new Logger('DemoData');
  const dataSource = services.dataSource;
  if ((await dataSource.getRepository(Community).count()) > 0) return;
  const adminRow = await dataSource.getRepository(Staff).findOne({ where: {}, order: { id: 'ASC' } });
  if (!adminRow) return;
  const authService = services.authService;
  const admin = await authService.staffAuth(adminRow);
  const communities = services.communities;
  const staffService = services.staffService;
  const duty = services.duty;
  const catalogue = services.catalogue;
  const residents = services.residents;
  const tickets = { intake: services.intake, queue: services.queue, work: services.work, closing: services.closing, complaints: services.complaints };
  const files = services.files;
  const pictures = await mkdtemp(path.join(os.tmpdir(), 'yizhan-demo-'));
  let pictureNo = 0;
  /** A photo as a phone would send it (a real JPEG through the real cleaning path), owned by `who`. */
  const photo = async (who: ResidentAuth | StaffAuth, hue: number): Promise<string> => {
    const file = path.join(pictures, `${++pictureNo}.jpg`);
    await writeFile(file, await demoPicture(hue));
    return (await files.uploadFile(who, file)).id;
  };

  const community = await communities.create(admin, META, { name: '翠湖花园', address: '杭州市西湖区翠湖路 88 号' });
  const cid = community.id;
  const zones = { A1: await communities.createZone(admin, META, cid, 'A1'), B2: await communities.createZone(admin, META, cid, 'B2') };
  // The seeds' hotlines: a day number per zone (08:30–21:00), one night number for the whole
  // community, and the dispatch desk as the number that reaches the technician on a visit day.
  await services.contacts.replace(admin, META, cid, [
    { zoneId: null, nightPhone: '59800003', dayFrom: '08:30', dayTo: '21:00', technicianPhone: '59800006', technicianOwnPhone: false },
    { zoneId: zones.A1.id, dayPhone: '59800000' },
    { zoneId: zones.B2.id, dayPhone: '59800001' },
  ]);
  const owners = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄丽', '周强', '吴敏', '徐涛', '孙悦'];
  const rooms: { id: string; label: string; owner: string; phone: string }[] = [];
  let n = 0;
  for (const [zoneName, buildings] of [
    ['A1', ['1', '2', '3']],
    ['B2', ['6', '7', '8']],
  ] as const) {
    for (const b of buildings) {
      const building = await communities.createBuilding(admin, META, cid, { name: b, zoneId: zones[zoneName].id });
      for (const unit of ['1', '2']) {
        for (let floor = 1; floor <= 6; floor++) {
          for (const door of ['01', '02']) {
            const owner = owners[n % owners.length]!;
            const phone = `139${String(10000000 + n * 7919).slice(-8)}`;
            const room = await communities.createRoom(admin, META, cid, {
              buildingId: building.id,
              unit,
              number: `${floor}${door}`.padStart(4, '0'),
              ownerName: owner,
              ownerPhone: phone,
            });
            rooms.push({ id: room.id, label: room.label, owner, phone });
            n++;
          }
        }
      }
    }
  }

  const staff: Record<string, StaffAuth> = {};
  const ids: Record<string, string> = {};
  for (const s of DEMO_STAFF) {
    const created = await staffService.create(admin, META, {
      username: s.username,
      password: DEMO_PASSWORD,
      name: s.name,
      roles: [...s.roles],
      communityIds: [cid],
      skills: [...s.skills],
    });
    ids[s.username] = created.id;
    staff[s.username] = await authService.staffAuth(await dataSource.getRepository(Staff).findOneByOrFail({ id: created.id }));
  }

  // The seeds' hotline arrangement, yesterday through the next week, in Asia/Shanghai.
  const today = localDateTime(new Date());
  for (let d = -1; d <= 7; d++) {
    const day = localDateTime(new Date(Date.UTC(today.year, today.month - 1, today.day) + d * 86400_000 + 12 * 3600_000));
    const at = (hour: number, minute: number, plusDays = 0) =>
      new Date(
        fromLocalDateTime({ year: day.year, month: day.month, day: day.day, hour, minute, second: 0, millisecond: 0 }).getTime() + plusDays * 86400_000,
      ).toISOString();
    await duty.create(admin, META, { communityId: cid, zoneId: zones.A1.id, staffId: ids.kefu_a1!, startAt: at(8, 30), endAt: at(21, 0) });
    await duty.create(admin, META, { communityId: cid, zoneId: zones.B2.id, staffId: ids.kefu_b2!, startAt: at(8, 30), endAt: at(21, 0) });
    await duty.create(admin, META, { communityId: cid, zoneId: null, staffId: ids.kefu_night!, startAt: at(21, 0), endAt: at(8, 30, 1) });
  }

  await catalogue.create(admin, META, {
    communityId: cid,
    name: '空调清洗',
    description: '挂机/柜机深度清洗，含杀菌',
    price: 120,
    durationMin: 120,
    slotCapacity: 2,
  });
  await catalogue.create(admin, META, { communityId: cid, name: '家庭保洁', description: '3 小时日常保洁', price: 150, durationMin: 180, slotCapacity: 3 });
  await catalogue.create(admin, META, {
    communityId: cid,
    name: '开锁换锁',
    description: '持证开锁，需核验业主身份',
    price: 80,
    durationMin: 60,
    slotCapacity: 1,
  });
  await catalogue.create(admin, META, { communityId: cid, name: '管道疏通', description: '厨卫下水道疏通', price: 100, durationMin: 60, slotCapacity: 2 });

  // The community's named public spots (公共场所): where residents and patrols report public problems.
  const places = services.places;
  const spots: Record<string, string> = {};
  for (const [name, zone] of [
    ['1号门岗', 'A1'],
    ['2号门岗', 'B2'],
    ['中心花园', 'A1'],
    ['儿童游乐场', 'B2'],
    ['地下车库B1', null],
    ['垃圾分类站', 'B2'],
    ['健身步道', null],
  ] as const) {
    spots[name] = (await places.create(admin, META, cid, { name, zoneId: zone ? zones[zone].id : null })).id;
  }

  // Residents: the demo resident of the h5 build (when running on the fake WeChat) and a few neighbours.
  const demoResidents: ResidentAuth[] = [];
  const openids = options.residentOpenids?.length ? options.residentOpenids : ['demo-neighbour-1', 'demo-neighbour-2', 'demo-neighbour-3'];
  for (const [i, openid] of openids.entries()) {
    const resident = await residents.upsertByOpenid(openid, null);
    const auth: ResidentAuth = { kind: 'resident', residentId: String(resident.id), openid };
    const room = rooms[i * 13]!;
    await residents.bindRoom(auth, { roomId: room.id, name: room.owner, phone: room.phone });
    demoResidents.push(auth);
  }

  const repairs = [
    ['水电', '厨房水龙头一直滴水，关不紧'],
    ['门窗', '卧室窗户把手松动，关不严'],
    ['电梯', '2 单元电梯按键 6 楼不亮'],
    ['公共设施', '楼道声控灯不亮，晚上很黑'],
    ['管道疏通', '卫生间地漏下水很慢'],
    ['水电', '客厅插座没电，跳闸后合不上'],
  ] as const;
  const complaints = [
    ['噪音', '楼上晚上 11 点后还在装修，影响休息'],
    ['环境卫生', '垃圾桶周边异味很大，希望增加清运次数'],
    ['服务态度', '门岗登记时态度生硬'],
    ['停车', '地库 B 区消防通道经常被占'],
  ] as const;
  const wang = staff.shifu_wang!;
  const zhao = staff.shifu_zhao!;
  const supervisor = staff.zhuguan!;
  let created = 0;
  const submit = async (
    who: ResidentAuth | StaffAuth,
    roomIndex: number,
    type: 'repair' | 'complaint',
    [category, description]: readonly [string, string],
    priority: 'normal' | 'urgent' = 'normal',
  ) => {
    const room = rooms[roomIndex % rooms.length]!;
    // Most residents' repairs come with a photo or two of the problem.
    const photoIds =
      who.kind === 'resident' && type === 'repair' && created % 3 !== 2
        ? [await photo(who, created * 37), ...(created % 2 ? [await photo(who, created * 53)] : [])]
        : undefined;
    const dto = {
      type,
      roomId: room.id,
      category,
      description,
      priority,
      contactPhone: room.phone,
      photoIds,
      ...(who.kind === 'staff' ? { channel: 'phone' as const, residentName: room.owner } : {}),
    };
    created++;
    return (await tickets.intake.create(who, META, dto, undefined)).ticket;
  };
  const ownerOf = (t: { owner: { id: string } | null }) => Object.values(staff).find((s) => s.staffId === t.owner?.id) ?? staff.kefu_a1!;

  const residentsOrStaff = (i: number): ResidentAuth | StaffAuth => demoResidents[i % Math.max(1, demoResidents.length)] ?? staff.kefu_a1!;
  const roomOf = (i: number) => (demoResidents[i % Math.max(1, demoResidents.length)] ? (i % Math.max(1, demoResidents.length)) * 13 : i * 5);

  // Every state of the life cycle, several times over.
  for (let i = 0; i < 30; i++) {
    const isComplaint = i % 4 === 1; // complaints land on stages 1 and 5; repairs go through every stage
    const content = isComplaint ? complaints[i % complaints.length]! : repairs[i % repairs.length]!;
    const who = i % 5 === 4 ? staff.kefu_b2! : residentsOrStaff(i);
    const t = await submit(who, roomOf(i), isComplaint ? 'complaint' : 'repair', content, i === 7 ? 'urgent' : 'normal');
    const owner = t.owner ? ownerOf(t) : null;
    const stage = i % 8;
    if (!owner || stage === 0) continue; // submitted (or waiting in the pool)
    await tickets.work.accept(owner, META, t.id, '已与业主电话联系');
    if (stage === 1) continue; // accepted
    if (isComplaint) {
      // A complaint ends with the formal reply to the resident (处理结果 + 整改措施) before it is resolved.
      await tickets.complaints.formalReply(owner, META, t.id, { result: '已与相关方核实并沟通，情况属实', measures: '已安排整改，主管每周检查' });
      await tickets.work.resolve(owner, META, t.id, { note: '已与相关方沟通并整改' });
    } else {
      const tech = i % 2 ? wang : zhao;
      await tickets.work.dispatch(owner, META, t.id, { assigneeId: tech.staffId, appointmentAt: new Date(Date.now() + 2 * 3600_000).toISOString() });
      if (stage === 2) continue; // dispatched
      await tickets.work.start(tech, META, t.id, '已到现场');
      if (stage === 3) {
        if (i % 16 === 3) await tickets.work.hold(tech, META, t.id, '等待配件到货（供应商周三发货）', '等待配件到货，到货后师傅会第一时间上门');
        continue; // in progress (the first one on hold)
      }
      // Before / after photos from the technician's phone.
      await tickets.work.resolve(tech, META, t.id, {
        note: '已维修完成，业主在场确认',
        fee: i % 3 ? 0 : 35,
        photoIds: [await photo(tech, i * 71), await photo(tech, i * 71 + 120)],
      });
    }
    if (stage === 4) continue; // resolved, waiting for the resident
    const t2 = await tickets.queue.get(owner, t.id);
    if (t2.residentId && stage !== 6) {
      const resident = demoResidents.find((r) => r.residentId === t2.residentId)!;
      await tickets.closing.confirm(resident, META, t.id);
      await tickets.closing.rate(resident, META, t.id, {
        attitude: 5,
        timeliness: stage === 7 ? 3 : 5,
        quality: 4 + (i % 2),
        comment: stage === 7 ? '修好了，就是等得有点久' : '师傅很专业，谢谢',
      });
    } else {
      await tickets.closing.verify(owner, META, t.id, '电话回访确认已解决');
    }
    if (stage === 5) continue; // closed
    await tickets.closing.revisit(owner, META, t.id, { satisfied: stage !== 6, note: stage !== 6 ? '业主表示满意' : '业主反映问题复发' });
  }
  // A cancelled one and a transferred one, for completeness.
  const cancelled = await submit(residentsOrStaff(1), roomOf(1), 'repair', repairs[1]!);
  if (cancelled.owner) await tickets.closing.cancel(residentsOrStaff(1), META, cancelled.id, '已自行解决');
  const moved = await submit(staff.kefu_a1!, 40, 'complaint', complaints[0]!);
  await tickets.work.transfer(supervisor, META, moved.id, { toStaffId: staff.kefu_b2!.staffId, reason: '涉及 B2 区，由 B2 区客服跟进' });

  // Public areas: a neighbour's report at 中心花园 that another neighbour joined (我也遇到) — the
  // demo resident finds it when reporting there —, a patrol report in the garage, and a
  // duplicate at 1号门岗 merged into the first report there.
  const followers = services.followers;
  const atSpot = async (who: ResidentAuth | StaffAuth, spot: string, category: string, description: string) => {
    created++;
    const phone = who.kind === 'resident' ? rooms[demoResidents.indexOf(who) * 13]?.phone : undefined;
    const dto = {
      type: 'repair' as const,
      location: { kind: 'place' as const, placeId: spots[spot]! },
      category,
      description,
      ...(phone ? { contactPhone: phone } : { channel: 'patrol' as const }),
    };
    return (await tickets.intake.create(who, META, dto, undefined)).ticket;
  };
  const [, neighbour1, neighbour2, neighbour3] = demoResidents;
  if (neighbour1 && neighbour2 && neighbour3) {
    const garden = await atSpot(neighbour1, '中心花园', '公共设施', '花园里的路灯不亮，晚上散步很黑');
    if (garden.owner) await tickets.work.accept(ownerOf(garden), META, garden.id, '已安排电工排查线路');
    await followers.follow(neighbour2, garden.id);
    const gate = await atSpot(neighbour3, '1号门岗', '公共设施', '门岗道闸抬杆很慢，车辆排队');
    const again = await atSpot(neighbour2, '1号门岗', '公共设施', '小区门口道闸坏了，进出要等很久');
    if (again.owner) await followers.merge(ownerOf(again), META, again.id, { intoTicketId: gate.id, note: '同一道闸' });
  }
  await atSpot(staff.kefu_a1!, '地下车库B1', '公共设施', '巡查发现 B1 层 3 号出口照明故障');

  // Filed within seconds, the timelines are then spread over the past days as a working desk's would be.
  await spreadDemoTimelines(dataSource, services.config.sla);

  await rm(pictures, { recursive: true, force: true });
  logger.log(
    `loaded the demo community 翠湖花园: ${rooms.length} rooms, ${DEMO_STAFF.length} staff, ${created} requests, ${pictureNo} photos (staff password "${DEMO_PASSWORD}")`,
  );
}

/** A 1024×768 picture (a wall, a window and a pipe in the given hue), drawn by sharp from SVG. */
function demoPicture(hue: number): Promise<Buffer> {
  const h = hue % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="768">
    <rect width="1024" height="768" fill="hsl(${h},30%,86%)"/>
    <rect x="90" y="90" width="360" height="300" rx="8" fill="hsl(${(h + 190) % 360},45%,72%)" stroke="hsl(${h},20%,40%)" stroke-width="14"/>
    <line x1="270" y1="90" x2="270" y2="390" stroke="hsl(${h},20%,40%)" stroke-width="10"/>
    <rect x="560" y="0" width="70" height="560" fill="hsl(${h},10%,62%)"/>
    <circle cx="595" cy="600" r="26" fill="hsl(205,70%,55%)"/>
    <rect x="0" y="640" width="1024" height="128" fill="hsl(${h},18%,58%)"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}
