import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import PageShell from '../../../../components/PageShell';
import { zh } from '../../../../i18n/zh';
import { ROUTES } from '../../../../routes';
import '../erase/index.scss';

/** The privacy guide as readable sections (the popup's link and 我的 open it). */
export default function PrivacyGuidePage() {
  return (
    <PageShell loading={false} error={null} hasData onRetry={() => undefined}>
      <View className="legal">
        <View className="legal__title">{zh.privacyGuide.title}</View>
        <View className="legal__sub muted">{zh.privacyGuide.updated}</View>
        {zh.privacyGuide.sections.map((section, i) => (
          <View key={section.title} className="card legal__section" data-testid="privacy-section">
            <View className="legal__heading">
              {i + 1}. {section.title}
            </View>
            {section.items.map((item) => (
              <View key={item} className="legal__item">
                <Text className="legal__bullet">•</Text>
                <Text>{item}</Text>
              </View>
            ))}
          </View>
        ))}
        <View className="legal__link link" onClick={() => void Taro.navigateTo({ url: ROUTES.eraseData })}>
          {zh.me.eraseData} ›
        </View>
      </View>
    </PageShell>
  );
}
