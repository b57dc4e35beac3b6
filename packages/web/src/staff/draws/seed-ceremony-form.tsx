import { DeleteOutlined, ExclamationCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DrawSessionDto } from '@ssj/server/api-types';
import { describeError } from '../../api/describe-error.ts';
import { enterDrawSeed } from '../../api/draw-endpoints.ts';
import type { DrawSeedInput } from '../../api/draw-endpoints.ts';
import {
  MAX_WITNESSES,
  MIN_SEED_DIGITS,
  MIN_WITNESSES,
  normalizeSeedDigits,
} from '../../draw/draw-format.ts';
import { useT } from '../../i18n/use-t.ts';
import { useSession } from '../../session/use-session.ts';

interface SeedProblems {
  witnesses: string | null;
  digits: string | null;
}

/**
 * Step (c) of a 抽取会 (DOMAIN.md §4.2): the seed made in public: the names of ≥ 2 witnesses, the dice digits they
 * rolled (≥ 20, digits only; spaces between groups are ignored) and optionally a pre-announced public beacon value.
 * A confirmation says the seed can never be changed; then it is entered.
 */
export function SeedCeremonyForm({
  session,
  onSeeded,
}: {
  session: DrawSessionDto;
  onSeeded: (session: DrawSessionDto) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const { csrfToken } = useSession();
  const [witnesses, setWitnesses] = useState<string[]>(['', '']);
  const [digitsTyped, setDigitsTyped] = useState('');
  const [beacon, setBeacon] = useState('');
  const [problems, setProblems] = useState<SeedProblems>({ witnesses: null, digits: null });
  const [confirming, setConfirming] = useState<DrawSeedInput | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const digits = normalizeSeedDigits(digitsTyped);
  const digitCount = digits?.length ?? 0;

  const check = (): DrawSeedInput | null => {
    const names = witnesses.map((name) => name.trim()).filter((name) => name !== '');
    let witnessProblem: string | null = null;
    if (names.length < MIN_WITNESSES) witnessProblem = t('seed.witnessesRequired', { count: MIN_WITNESSES });
    else if (new Set(names).size !== names.length) witnessProblem = t('seed.witnessesDistinct');
    let digitsProblem: string | null = null;
    if (digits === null) digitsProblem = t('seed.digitsOnly');
    else if (digits.length < MIN_SEED_DIGITS)
      digitsProblem = t('seed.digitsTooFew', { count: MIN_SEED_DIGITS });
    setProblems({ witnesses: witnessProblem, digits: digitsProblem });
    if (witnessProblem !== null || digitsProblem !== null || digits === null) return null;
    const trimmedBeacon = beacon.trim();
    return { digits, beacon: trimmedBeacon === '' ? null : trimmedBeacon, witnesses: names };
  };

  const submit = async (seed: DrawSeedInput) => {
    if (csrfToken === null) return;
    setPending(true);
    setFailure(null);
    try {
      const seeded = await enterDrawSeed(session.id, seed, csrfToken);
      setConfirming(null);
      void message.success(t('seed.done'));
      onSeeded(seeded);
    } catch (error) {
      setConfirming(null);
      setFailure(describeError(error, t));
    } finally {
      setPending(false);
    }
  };

  const okButtonProps = { 'data-testid': 'confirm-seed', loading: pending };

  return (
    <Flex vertical gap="middle" data-testid="seed-ceremony">
      <Typography.Paragraph style={{ margin: 0 }}>{t('seed.intro')}</Typography.Paragraph>
      <Form layout="vertical" style={{ maxWidth: 720 }}>
        <Form.Item
          label={t('seed.witnesses')}
          required
          validateStatus={problems.witnesses === null ? undefined : 'error'}
          help={problems.witnesses ?? t('seed.witnessesHint')}
        >
          <Flex vertical gap="small">
            {witnesses.map((name, index) => (
              <Flex key={index} gap="small">
                <Input
                  data-testid={`witness-input-${index}`}
                  aria-label={t('seed.witness', { index: index + 1 })}
                  placeholder={t('seed.witness', { index: index + 1 })}
                  value={name}
                  maxLength={50}
                  onChange={(event) => {
                    const next = [...witnesses];
                    next[index] = event.target.value;
                    setWitnesses(next);
                  }}
                />
                {witnesses.length > MIN_WITNESSES ? (
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('seed.removeWitness')}
                    title={t('seed.removeWitness')}
                    onClick={() => {
                      setWitnesses(witnesses.filter((_, i) => i !== index));
                    }}
                  />
                ) : null}
              </Flex>
            ))}
            {witnesses.length < MAX_WITNESSES ? (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                data-testid="add-witness"
                onClick={() => {
                  setWitnesses([...witnesses, '']);
                }}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('seed.addWitness')}
              </Button>
            ) : null}
          </Flex>
        </Form.Item>
        <Form.Item
          label={t('seed.digits')}
          required
          validateStatus={problems.digits === null ? undefined : 'error'}
          help={problems.digits ?? t('seed.digitsHint', { count: MIN_SEED_DIGITS })}
        >
          <Flex vertical gap={4}>
            <Input
              data-testid="seed-digits"
              inputMode="numeric"
              autoComplete="off"
              value={digitsTyped}
              maxLength={260}
              onChange={(event) => {
                setDigitsTyped(event.target.value);
              }}
              style={{
                fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
                letterSpacing: 1,
              }}
            />
            <Typography.Text
              data-testid="seed-digit-count"
              type={digits === null ? 'danger' : digitCount >= MIN_SEED_DIGITS ? 'success' : 'secondary'}
            >
              {digits === null
                ? t('seed.digitsOnly')
                : t('seed.digitCount', { count: digitCount, min: MIN_SEED_DIGITS })}
            </Typography.Text>
          </Flex>
        </Form.Item>
        <Form.Item label={t('seed.beacon')} help={t('seed.beaconHint')}>
          <Input
            data-testid="seed-beacon"
            value={beacon}
            maxLength={500}
            onChange={(event) => {
              setBeacon(event.target.value);
            }}
          />
        </Form.Item>
        <Button
          type="primary"
          data-testid="enter-seed"
          onClick={() => {
            const seed = check();
            if (seed !== null) setConfirming(seed);
          }}
        >
          {t('seed.submit')}
        </Button>
      </Form>
      {failure === null ? null : (
        <Alert
          type="error"
          showIcon
          title={t('seed.failed')}
          description={failure}
          data-testid="seed-error"
        />
      )}
      <Modal
        open={confirming !== null}
        title={
          <Flex gap="small" align="center">
            <ExclamationCircleOutlined style={{ color: '#faad14' }} />
            {t('seed.confirmTitle')}
          </Flex>
        }
        okText={t('seed.confirmOk')}
        cancelText={t('common.cancel')}
        okButtonProps={okButtonProps}
        onOk={() => {
          if (confirming !== null) void submit(confirming);
        }}
        onCancel={() => {
          setConfirming(null);
        }}
      >
        {confirming === null ? null : (
          <Flex vertical gap="middle">
            <Alert type="warning" showIcon title={t('seed.confirmBody')} />
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                {
                  key: 'digits',
                  label: t('seed.digits'),
                  children: (
                    <Typography.Text code style={{ wordBreak: 'break-all' }}>
                      {confirming.digits}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'beacon',
                  label: t('seed.beacon'),
                  children: confirming.beacon ?? t('publicDraw.noBeacon'),
                },
                {
                  key: 'witnesses',
                  label: t('seed.witnesses'),
                  children: (
                    <Flex wrap gap={4}>
                      {confirming.witnesses.map((name) => (
                        <Tag key={name}>{name}</Tag>
                      ))}
                    </Flex>
                  ),
                },
              ]}
            />
          </Flex>
        )}
      </Modal>
    </Flex>
  );
}
