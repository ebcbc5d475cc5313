/** The shared textarea field (components/text-area-field.tsx); kept here so the feature's imports stay short. */
export { TextAreaField } from '../../../components/text-area-field';
