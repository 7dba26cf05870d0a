import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { LocationInput, LocationOptions, PublicRequest } from '@yizhan/shared';
import { fetchLocations, followTicket, sameSpotRequests } from '../../api/tickets';
import { zh } from '../../i18n/zh';
import { ROUTES } from '../../routes';
import Button from '../Button';
import './index.scss';

export type PublicKind = 'place' | 'unit' | 'building' | 'zone';
const PUBLIC_KINDS: PublicKind[] = ['place', 'unit', 'building', 'zone'];

/** Where the problem is, as the form keeps it (in the draft). */
export interface WhereValues {
  where: 'room' | 'public';
  publicKind: PublicKind;
  placeId: string;
  buildingId: string;
  unit: string;
  zoneId: string;
}
export const EMPTY_WHERE: WhereValues = { where: 'room', publicKind: 'place', placeId: '', buildingId: '', unit: '', zoneId: '' };

/** The public area chosen, as the API names it; null while it is not fully chosen. */
export function publicLocation(v: WhereValues): LocationInput | null {
  if (v.where !== 'public') return null;
  if (v.publicKind === 'place') return v.placeId ? { kind: 'place', placeId: v.placeId } : null;
  if (v.publicKind === 'zone') return v.zoneId ? { kind: 'zone', zoneId: v.zoneId } : null;
  if (v.publicKind === 'building') return v.buildingId ? { kind: 'building', buildingId: v.buildingId } : null;
  return v.buildingId && v.unit ? { kind: 'unit', buildingId: v.buildingId, unit: v.unit } : null;
}

/**
 * 问题位置: the resident's room, or a public area of their community (a named spot, a
 * unit's common area, a building, a zone). Once a public area is chosen, the open
 * requests already filed there are shown first, each with 我也遇到.
 */
export default function LocationPicker({
  communityId,
  roomLabel,
  value,
  onChange,
  allowPublic,
}: {
  communityId: string;
  roomLabel: string;
  value: WhereValues;
  onChange: (patch: Partial<WhereValues>) => void;
  allowPublic: boolean;
}) {
  const [options, setOptions] = useState<LocationOptions | null>(null);
  const [same, setSame] = useState<PublicRequest[]>([]);
  const [joining, setJoining] = useState<string | null>(null);
  const chosen = publicLocation(value);
  const chosenKey = JSON.stringify(chosen);

  useEffect(() => {
    if (value.where !== 'public' || options) return;
    void fetchLocations(communityId).then((res) => res.ok && setOptions(res.data));
  }, [value.where, communityId, options]);

  useEffect(() => {
    let live = true;
    setSame([]);
    if (!chosen) return;
    void sameSpotRequests(chosen).then((res) => live && res.ok && setSame(res.data.items));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosenKey]);

  const join = async (id: string) => {
    if (joining) return;
    setJoining(id);
    const res = await followTicket(id);
    setJoining(null);
    if (!res.ok) {
      void Taro.showToast({ title: res.message, icon: 'none' });
      return;
    }
    void Taro.showToast({ title: zh.create.joined, icon: 'none' });
    void Taro.redirectTo({ url: ROUTES.detail(id) });
  };

  const building = options?.buildings.find((b) => b.id === value.buildingId);
  return (
    <View className="field location-picker">
      <View className="field__label field__required">{zh.create.where}</View>
      <View className="chips" data-testid="where-choice">
        <Text className={`chip ${value.where === 'room' ? 'chip--on' : ''}`} onClick={() => onChange({ where: 'room' })}>
          {zh.create.whereRoom(roomLabel)}
        </Text>
        {allowPublic && (
          <Text className={`chip ${value.where === 'public' ? 'chip--on' : ''}`} onClick={() => onChange({ where: 'public' })}>
            {zh.create.wherePublic}
          </Text>
        )}
      </View>
      {value.where === 'public' && (
        <View className="location-picker__public">
          <View className="chips location-picker__kinds">
            {PUBLIC_KINDS.map((k) => (
              <Text key={k} className={`chip chip--small ${value.publicKind === k ? 'chip--on' : ''}`} onClick={() => onChange({ publicKind: k })}>
                {zh.create.publicKinds[k]}
              </Text>
            ))}
          </View>
          {value.publicKind === 'place' && (
            <View className="chips" data-testid="place-choice">
              {(options?.places ?? []).map((p) => (
                <Text key={p.id} className={`chip ${value.placeId === p.id ? 'chip--on' : ''}`} onClick={() => onChange({ placeId: p.id })}>
                  {p.label}
                </Text>
              ))}
            </View>
          )}
          {(value.publicKind === 'unit' || value.publicKind === 'building') && (
            <View className="chips" data-testid="building-choice">
              {(options?.buildings ?? []).map((b) => (
                <Text key={b.id} className={`chip ${value.buildingId === b.id ? 'chip--on' : ''}`} onClick={() => onChange({ buildingId: b.id, unit: '' })}>
                  {b.label}
                </Text>
              ))}
            </View>
          )}
          {value.publicKind === 'unit' && building && (
            <View className="chips location-picker__units">
              {building.units.map((u) => (
                <Text key={u} className={`chip ${value.unit === u ? 'chip--on' : ''}`} onClick={() => onChange({ unit: u })}>
                  {zh.create.unitLabel(u)}
                </Text>
              ))}
            </View>
          )}
          {value.publicKind === 'zone' && (
            <View className="chips">
              {(options?.zones ?? []).map((z) => (
                <Text key={z.id} className={`chip ${value.zoneId === z.id ? 'chip--on' : ''}`} onClick={() => onChange({ zoneId: z.id })}>
                  {z.label}
                </Text>
              ))}
            </View>
          )}
          {same.length > 0 && (
            <View className="same-spot" data-testid="same-spot">
              <View className="same-spot__title">{zh.create.sameSpotTitle(same.length)}</View>
              <View className="same-spot__hint muted">{zh.create.sameSpotHint}</View>
              {same.map((r) => (
                <View key={r.id} className="same-spot__item" data-testid="same-spot-item">
                  <View className="same-spot__desc">
                    {r.category} · {r.description}
                  </View>
                  <View className="same-spot__meta">
                    <Text className="muted">{zh.create.sameSpotFollowers(r.followerCount)}</Text>
                    {r.mine || r.following ? (
                      <Text className="link" onClick={() => void Taro.navigateTo({ url: ROUTES.detail(r.id) })}>
                        {r.mine ? zh.create.mine : zh.create.following} ›
                      </Text>
                    ) : (
                      <Button className="btn btn--small btn--primary" disabled={joining !== null} onClick={() => void join(r.id)}>
                        {zh.create.meToo}
                      </Button>
                    )}
                  </View>
                </View>
              ))}
            </View>
          )}
        </View>
      )}
    </View>
  );
}
