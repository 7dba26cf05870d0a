import Taro from '@tarojs/taro';

/**
 * Shows photos full screen: Taro.previewImage, but on the h5 loaded only when a photo is
 * tapped. Taro's h5 viewer is built from its Swiper component and the swiper library
 * (about 200 KB of script); imported statically it sat in the chunk of every page with a
 * photo — the home page and a request's detail among them — and a phone parsed it on
 * every first visit though most visits never open a photo. The mini-program's viewer is
 * native, so there it is called directly (the h5 branch is dropped from that build).
 */
export function previewImage(options: Taro.previewImage.Option): Promise<TaroGeneral.CallbackResult> {
  // One expression, so the bundler drops the other platform's branch whole: left after an
  // early return, the h5 build kept Taro.previewImage — and the viewer — statically too.
  return process.env.TARO_ENV === 'h5'
    ? import(/* webpackChunkName: "preview-image" */ '@tarojs/taro-h5/dist/api/media/image/previewImage.js').then((viewer) => viewer.previewImage(options))
    : Taro.previewImage(options);
}
